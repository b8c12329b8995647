import type { PrismaClient } from '@cp/db'
import type { FastifyBaseLogger } from 'fastify'
import type { Clock } from '../clock.js'
import type { AuthConfig } from '../config.js'
import { createSealedBox } from '../lib/sealed-box.js'
import type { CodeSender } from '../lib/senders.js'
import { type AccountsRepository, createAccountsRepository } from '../repositories/accounts-repository.js'
import { createDevicesRepository } from '../repositories/devices-repository.js'
import { createHousekeepingRepository } from '../repositories/housekeeping-repository.js'
import { createOtpRepository } from '../repositories/otp-repository.js'
import { createSessionsRepository } from '../repositories/sessions-repository.js'
import { createSignInTransaction } from '../repositories/sign-in-transaction.js'
import { createThrottleRepository } from '../repositories/throttle-repository.js'
import { createEligibilityCheck } from './eligibility.js'
import { createHousekeeping } from './housekeeping.js'
import { createOtpSignIn } from './otp-sign-in.js'
import { createPasswordSignIn } from './password-sign-in.js'
import { createSessionService } from './session-service.js'
import { createTokenService } from './token-service.js'

export interface AuthServiceDeps {
  readonly config: AuthConfig
  readonly db: PrismaClient
  readonly sender: CodeSender
  readonly clock: Clock
  readonly log: FastifyBaseLogger
  /** Wraps the accounts repository (tests). */
  readonly wrapAccounts?: (accounts: AccountsRepository) => AccountsRepository
}

/** Wires repositories and services once per app; routes receive what they use. */
export function createAuthServices({ config, db, sender, clock, log, wrapAccounts }: AuthServiceDeps) {
  const accounts = wrapAccounts ? wrapAccounts(createAccountsRepository(db)) : createAccountsRepository(db)
  const sessionsRepository = createSessionsRepository(db)
  const devices = createDevicesRepository(db)
  const otpRepository = createOtpRepository(db)
  const eligibilityCheckFor = (repository: AccountsRepository) =>
    createEligibilityCheck(repository, config.PLATFORM_TIME_ZONE, config.AUTH_CLOCK_TOLERANCE_SEC)
  const checkEligibility = eligibilityCheckFor(accounts)
  const tokens = createTokenService(config, sessionsRepository)

  const sessions = createSessionService({
    sessions: sessionsRepository,
    accounts,
    tokens,
    checkEligibility,
    graceBox: createSealedBox(config.otpPepper, 'refresh-grace-v1'),
    clock,
    graceSeconds: config.AUTH_REFRESH_GRACE_SECONDS,
    idleDays: config.AUTH_SESSION_IDLE_DAYS,
    log,
  })
  const signInWithPassword = createPasswordSignIn({
    accounts,
    throttle: createThrottleRepository(db),
    events: otpRepository,
    tokens,
    checkEligibility,
    clock,
    defaultRegion: config.OTP_DEFAULT_REGION,
    log,
  })
  const otp = createOtpSignIn({
    otp: otpRepository,
    accounts,
    transaction: createSignInTransaction(db),
    tokens,
    eligibilityCheckFor,
    sender,
    clock,
    pepper: config.otpPepper,
    codeTtlSeconds: config.AUTH_OTP_TTL_SECONDS,
    defaultRegion: config.OTP_DEFAULT_REGION,
    log,
  })
  const housekeeping = createHousekeeping({
    repository: createHousekeepingRepository(db),
    clock,
    idleDays: config.AUTH_SESSION_IDLE_DAYS,
  })

  return { config, clock, accounts, devices, sessions, signInWithPassword, otp, housekeeping }
}

export type AuthServices = ReturnType<typeof createAuthServices>
