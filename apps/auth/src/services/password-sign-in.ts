import { createHash } from 'node:crypto'
import type { AppError } from '@cp/service-kit'
import type { FastifyBaseLogger } from 'fastify'
import { addMs, type Clock, secondsUntil } from '../clock.js'
import { authError } from '../errors.js'
import { rateLimitKeyOfIp } from '../lib/client-ip.js'
import { type CountryCode, normaliseDestination } from '../lib/destination.js'
import { hashPassword, isPasswordTooLong, needsRehash, verifyPassword } from '../lib/passwords.js'
import { POLICY } from '../policy.js'
import type { AccountCredentials, AccountsRepository } from '../repositories/accounts-repository.js'
import type { OtpRepository } from '../repositories/otp-repository.js'
import type { ThrottleRepository } from '../repositories/throttle-repository.js'
import type { EligibilityCheck } from './eligibility.js'
import type { AttemptDecision } from './sign-in-throttle.js'
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

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** The answer of a refused attempt: 429 delayed or locked, with the time it may be tried again. */
function throttled(decision: Extract<AttemptDecision, { allowed: false }>, now: Date): AppError {
  return authError(decision.code, { headers: { 'retry-after': String(secondsUntil(decision.retryAt, now)) } })
}

/** SHA-256 (hex) of the legacy Password value an argon2id hash was made from; '' stands for NULL. */
export function legacySource(password: string | null): string {
  return sha256(password ?? '')
}

const { failuresPerIp, ipWindowMs } = POLICY.password

export function createPasswordSignIn(deps: PasswordSignInDeps) {
  const { accounts, throttle, clock, log } = deps

  /**
   * Checks the password the way the account stores it; the work done is the same whether or not the account exists.
   * A match upgrades a legacy hash, unless `upgrade` is false (a sign-in that is refused anyway).
   */
  async function verifyAccountPassword(account: AccountCredentials | null, password: string, upgrade = true): Promise<boolean> {
    if (!account) return verifyPassword(password, null)
    const argon2Current = account.passwordArgon2 !== null && account.passwordArgon2Source === legacySource(account.password)
    const stored = argon2Current ? account.passwordArgon2 : account.password
    const matches = await verifyPassword(password, stored)
    if (matches && upgrade && (!argon2Current || needsRehash(account.passwordArgon2))) {
      // The legacy column stays as it is for the legacy application; the upgrade goes into the new column.
      const hash = await hashPassword(password)
      const upgraded = await accounts.storeArgon2Hash(account.customerId, hash, account.password, legacySource(account.password))
      if (!upgraded) log.info({ customerId: account.customerId }, 'legacy password changed during sign-in; upgrade skipped')
    }
    return matches
  }

  return async function signInWithPassword(input: PasswordSignInInput): Promise<TokenPair> {
    // Before any lookup or hashing, so an oversized password buys no work.
    if (isPasswordTooLong(input.password)) throw authError('AUTH_PASSWORD_TOO_LONG')
    const destination = normaliseDestination(input.login, { defaultRegion: deps.defaultRegion, allowNonMobile: true })
    if (destination.kind === 'invalid') {
      throw authError('AUTH_INVALID_DESTINATION', { errors: [{ path: '/body/login', message: destination.reason }] })
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
      throw authError('AUTH_SIGN_IN_IP_LIMITED', { headers: { 'retry-after': String(secondsUntil(freesAt, now)) } })
    }
    // Counted per identifier AND per account, the same way (delay after 5 failures, lock after 10 in 15 minutes), so
    // that an account's e-mail and phone share one budget instead of getting one each. An identifier without exactly
    // one account is counted under a key of its own in place of the account's, so it goes through the same steps,
    // queries and answers as an account's only identifier: nothing tells a missing account from an existing one.
    const identifierAttempt = await throttle.reserveAttempt(destination.value, now)
    if (!identifierAttempt.allowed) {
      await deps.events.releaseEvent(fromIp.eventId)
      throw throttled(identifierAttempt, now)
    }
    const candidates = await accounts.findAllByDestination(destination)
    const account = candidates.length === 1 ? (candidates[0] ?? null) : null
    const accountKey = account ? `account:${account.customerId}` : `identifier:${sha256(destination.value)}`
    const accountAttempt = await throttle.reserveAttempt(accountKey, now)
    if (!accountAttempt.allowed) {
      // Nothing was checked: this attempt is no failure of the identifier either.
      await throttle.takeBack(destination.value, identifierAttempt)
      await deps.events.releaseEvent(fromIp.eventId)
      throw throttled(accountAttempt, now)
    }

    if (candidates.length > 1) {
      // Several legacy rows hold this identifier in different spellings: which one is meant cannot be known. Told only
      // to someone who knows the password of one of them; everyone else gets the usual 401, counted as a failure.
      const proven = await Promise.all(candidates.map((candidate) => verifyAccountPassword(candidate, input.password, false)))
      if (!proven.some(Boolean)) throw authError('AUTH_INVALID_CREDENTIALS')
      await throttle.clear(destination.value, accountKey)
      await deps.events.releaseEvent(fromIp.eventId)
      log.warn({ customerIds: candidates.map((c) => c.customerId) }, 'password sign-in refused: several accounts hold the identifier')
      throw authError('AUTH_ACCOUNT_AMBIGUOUS')
    }
    if (!(await verifyAccountPassword(account, input.password)) || !account) {
      throw authError('AUTH_INVALID_CREDENTIALS')
    }
    await throttle.clear(destination.value, accountKey)
    await deps.events.releaseEvent(fromIp.eventId)

    // The identity is proven; only now may the answer say anything about the account's state.
    // One instant for the whole sign-in: eligibility judged at `now` and a token stamped later could end before it
    // starts (a contract's last day ending in between).
    if (input.role === 'consultant') {
      const eligible = await deps.checkEligibility(account.customerId, now)
      return deps.tokens.startSession({ customerId: account.customerId, consultant: eligible }, input.ip, now)
    }
    if (account.accountStatus !== 'Active') throw authError('AUTH_ACCOUNT_DISABLED')
    return deps.tokens.startSession({ customerId: account.customerId }, input.ip, now)
  }
}

export type PasswordSignIn = ReturnType<typeof createPasswordSignIn>
