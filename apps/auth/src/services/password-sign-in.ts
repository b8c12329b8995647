import { createHash } from 'node:crypto'
import { AppError } from '@cp/service-kit'
import type { FastifyBaseLogger } from 'fastify'
import { addMs, type Clock, secondsUntil } from '../clock.js'
import { rateLimitKeyOfIp } from '../lib/client-ip.js'
import { type CountryCode, normaliseDestination } from '../lib/destination.js'
import { hashPassword, isPasswordTooLong, needsRehash, verifyPassword } from '../lib/passwords.js'
import { POLICY } from '../policy.js'
import type { AccountCredentials, AccountsRepository } from '../repositories/accounts-repository.js'
import type { OtpRepository } from '../repositories/otp-repository.js'
import type { ThrottleRepository } from '../repositories/throttle-repository.js'
import type { EligibilityCheck } from './eligibility.js'
import type { TokenPair, TokenService } from './token-service.js'

export type SignInRole = 'customer' | 'consultant'

export interface PasswordSignInInput {
  readonly login: string
  readonly password: string
  readonly role: SignInRole
  readonly ip: string
}

export interface PasswordSignInDeps {
  readonly accounts: AccountsRepository
  readonly throttle: ThrottleRepository
  /** The event store of the OTP limits, which also counts failed sign-ins per client IP. */
  readonly events: Pick<OtpRepository, 'reserveEvent' | 'releaseEvent'>
  readonly tokens: TokenService
  readonly checkEligibility: EligibilityCheck
  readonly clock: Clock
  readonly defaultRegion: CountryCode
  readonly log: FastifyBaseLogger
}

/** SHA-256 (hex) of the legacy Password value an argon2id hash was made from; '' stands for NULL. */
export function legacySource(password: string | null): string {
  return createHash('sha256').update(password ?? '', 'utf8').digest('hex')
}

const { failuresPerIp, ipWindowMs } = POLICY.password

export function createPasswordSignIn(deps: PasswordSignInDeps) {
  const { accounts, throttle, clock, log } = deps

  /** Checks the password the way the account stores it; the work done is the same whether or not the account exists. */
  async function verifyAccountPassword(account: AccountCredentials | null, password: string): Promise<boolean> {
    if (!account) return verifyPassword(password, null)
    const argon2Current = account.passwordArgon2 !== null && account.passwordArgon2Source === legacySource(account.password)
    const stored = argon2Current ? account.passwordArgon2 : account.password
    const matches = await verifyPassword(password, stored)
    if (matches && (!argon2Current || needsRehash(account.passwordArgon2))) {
      // The legacy column stays as it is for the legacy application; the upgrade goes into the new column.
      const hash = await hashPassword(password)
      const upgraded = await accounts.storeArgon2Hash(account.customerId, hash, account.password, legacySource(account.password))
      if (!upgraded) log.info({ customerId: account.customerId }, 'legacy password changed during sign-in; upgrade skipped')
    }
    return matches
  }

  return async function signInWithPassword(input: PasswordSignInInput): Promise<TokenPair> {
    // Before any lookup or hashing, so an oversized password buys no work.
    if (isPasswordTooLong(input.password)) throw new AppError('AUTH_PASSWORD_TOO_LONG')
    const destination = normaliseDestination(input.login, { defaultRegion: deps.defaultRegion, allowNonMobile: true })
    if (destination.kind === 'invalid') {
      throw new AppError('AUTH_INVALID_DESTINATION', { errors: [{ path: '/body/login', message: destination.reason }] })
    }

    const now = clock()
    // Per client (IP or IPv6 /64), whatever the accounts tried: counted as a failure before the password is checked,
    // so that attempts in flight together cannot pass the limit, and taken back on success or when no password was
    // checked. Exact under concurrency, like the OTP limits (a lock row, then count and add).
    const fromIp = await deps.events.reserveEvent({
      kind: 'password_failed',
      countBy: 'ip',
      destination: destination.value,
      purpose: 'password',
      ip: rateLimitKeyOfIp(input.ip),
      now,
      since: addMs(now, -ipWindowMs),
      limit: failuresPerIp,
    })
    if (!fromIp.reserved) {
      const freesAt = addMs(fromIp.window.oldest ?? now, ipWindowMs)
      throw new AppError('AUTH_SIGN_IN_IP_LIMITED', { headers: { 'retry-after': String(secondsUntil(freesAt, now)) } })
    }
    // Keyed on the identifier, not the account, so that limits behave the same for accounts that do not exist.
    const attempt = await throttle.reserveAttempt(destination.value, now)
    if (!attempt.allowed) {
      await deps.events.releaseEvent(fromIp.eventId)
      throw new AppError(attempt.code, { headers: { 'retry-after': String(secondsUntil(attempt.retryAt, now)) } })
    }

    const account = await accounts.findByDestination(destination)
    if (!(await verifyAccountPassword(account, input.password)) || !account) {
      throw new AppError('AUTH_INVALID_CREDENTIALS')
    }
    await throttle.clear(destination.value)
    await deps.events.releaseEvent(fromIp.eventId)

    // The identity is proven; only now may the answer say anything about the account's state.
    // One instant for the whole sign-in: eligibility judged at `now` and a token stamped later could end before it
    // starts (a contract's last day ending in between).
    if (input.role === 'consultant') {
      const eligible = await deps.checkEligibility(account.customerId, now)
      return deps.tokens.startSession({ customerId: account.customerId, consultant: eligible }, input.ip, now)
    }
    if (account.accountStatus !== 'Active') throw new AppError('AUTH_ACCOUNT_DISABLED')
    return deps.tokens.startSession({ customerId: account.customerId }, input.ip, now)
  }
}

export type PasswordSignIn = ReturnType<typeof createPasswordSignIn>
