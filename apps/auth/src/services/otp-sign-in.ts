import type { AuthOtpEventKind } from '@cp/db'
import type { Locale } from '@cp/domain'
import type { AppError } from '@cp/service-kit'
import type { FastifyBaseLogger } from 'fastify'
import { addMs, type Clock, DAY_MS, HOUR_MS, secondsUntil } from '../clock.js'
import { authError } from '../errors.js'
import { rateLimitKeyOfIp } from '../lib/client-ip.js'
import { type CountryCode, type Destination, normaliseDestination } from '../lib/destination.js'
import { generateOtp, hashOtp, verifyOtpHash } from '../lib/otp.js'
import type { CodeSender } from '../lib/senders.js'
import { POLICY } from '../policy.js'
import { type AccountCredentials, AmbiguousAccountError, type AccountsRepository } from '../repositories/accounts-repository.js'
import type { EventWindow, OtpRepository } from '../repositories/otp-repository.js'
import type { RunSignInTransaction } from '../repositories/sign-in-transaction.js'
import { type EligibilityCheck, IneligibleError } from './eligibility.js'
import type { SignInRole } from './password-sign-in.js'
import type { Principal, TokenPair, TokenService } from './token-service.js'

export interface OtpSignInDeps {
  readonly otp: OtpRepository
  readonly accounts: AccountsRepository
  /** Runs what a successful verification writes in one transaction. */
  readonly transaction: RunSignInTransaction
  readonly tokens: TokenService
  /** The consultant eligibility check, reading through the given (transaction's) repository. */
  readonly eligibilityCheckFor: (accounts: AccountsRepository) => EligibilityCheck
  readonly sender: CodeSender
  readonly clock: Clock
  readonly pepper: string
  readonly codeTtlSeconds: number
  readonly defaultRegion: CountryCode
  readonly log: FastifyBaseLogger
}

export interface CodeRequest {
  readonly destination: string
  readonly role: SignInRole
  readonly ip: string
  readonly locale: Locale
  /**
   * Runs `task` once the answer has gone out (the route: when the response is finished or its connection closed).
   * Delivery, and the account lookup a consultant code needs, start only then, so nothing that depends on whether an
   * account uses the destination can delay the answer or compete with it for the event loop or the pool.
   */
  readonly afterAnswer: (task: () => void) => void
}

export interface CodeVerification {
  readonly destination: string
  readonly code: string
  readonly role: SignInRole
  readonly ip: string
  readonly locale: Locale
}

/** The same body for every accepted request, whether or not the destination has an account. */
export interface CodeRequestAccepted {
  readonly expiresIn: number
  readonly resendAfter: number
}

const limits = POLICY.otp

export const otpPurpose = (role: SignInRole) => `sign-in:${role}`

function limited(
  code: 'AUTH_OTP_IP_LIMITED' | 'AUTH_OTP_DESTINATION_LIMITED' | 'AUTH_OTP_VERIFY_LIMITED',
  window: EventWindow,
  span: number,
  now: Date,
): AppError {
  const freesAt = window.oldest ? addMs(window.oldest, span) : addMs(now, span)
  return authError(code, { headers: { 'retry-after': String(secondsUntil(freesAt, now)) } })
}

export function createOtpSignIn(deps: OtpSignInDeps) {
  const { otp, accounts, clock, log } = deps
  const pendingDeliveries = new Set<Promise<void>>()

  function parseDestination(input: string): Destination {
    const destination = normaliseDestination(input, { defaultRegion: deps.defaultRegion })
    if (destination.kind === 'invalid') {
      throw authError('AUTH_INVALID_DESTINATION', { errors: [{ path: '/body/destination', message: destination.reason }] })
    }
    return destination
  }

  /** Adds an event for the hourly limit of its key (client IP or destination), if that limit leaves room for it. */
  function reserveHourly(
    kind: AuthOtpEventKind,
    countBy: 'ip' | 'destination',
    destination: Destination,
    role: SignInRole,
    ip: string,
    now: Date,
    limit: number,
  ) {
    const purpose = otpPurpose(role)
    return otp.reserveEvent({ kind, countBy, destination: destination.value, purpose, ip, now, since: addMs(now, -HOUR_MS), limit })
  }

  /** Codes go out only where someone could use them: any customer destination, or an existing consultant's. */
  async function isDeliverable(destination: Destination, role: SignInRole): Promise<boolean> {
    if (role === 'customer') return true
    let account: AccountCredentials | null
    try {
      account = await accounts.findByDestination(destination)
    } catch (error) {
      // Which of several legacy accounts is the consultant cannot be known; verifying would be refused anyway.
      if (!(error instanceof AmbiguousAccountError)) throw error
      log.warn({ customerIds: error.customerIds }, 'consultant code withheld: several accounts hold the destination')
      return false
    }
    return account !== null && (await accounts.hasConsultantProfile(account.customerId))
  }

  function deliver(destination: Destination, code: string, request: CodeRequest): void {
    // Nothing here is awaited by the answer, deliverability included, and it starts only after the answer is out:
    // the answer must not depend on anything that depends on whether an account uses the destination (its queries,
    // a message going out or not). A failure is logged; the 202 stands.
    request.afterAnswer(() => {
      const delivery = isDeliverable(destination, request.role)
        .then(async (deliverable) => {
          if (!deliverable) return
          await deps.sender.send({
            channel: destination.kind === 'phone' ? 'sms' : 'email',
            destination: destination.value,
            code,
            locale: request.locale,
            purpose: otpPurpose(request.role),
          })
        })
        .catch((error: unknown) => log.error({ err: error, channel: destination.kind }, 'one-time code delivery failed'))
        .finally(() => pendingDeliveries.delete(delivery))
      pendingDeliveries.add(delivery)
    })
  }

  return {
    async requestCode(request: CodeRequest): Promise<CodeRequestAccepted> {
      const destination = parseDestination(request.destination)
      const now = clock()
      const { role } = request
      const purpose = otpPurpose(role)
      // Keyed on the client's /64 for IPv6: one client holds a whole /64 and could rotate through it.
      const client = rateLimitKeyOfIp(request.ip)
      const fromIp = await reserveHourly('requested', 'ip', destination, role, client, now, limits.perIpPerHour)
      if (!fromIp.reserved) throw limited('AUTH_OTP_IP_LIMITED', fromIp.window, HOUR_MS, now)

      // Codes, their quotas and their resend interval are per destination AND purpose: a consultant-role request
      // cannot replace a customer's code or use up the customer's quota (nor the other way round).
      const issued = { kind: 'issued', destination: destination.value, purpose } as const
      const today = await otp.countEvents(issued, addMs(now, -DAY_MS))
      if (today.count >= limits.perDestinationPerDay) throw limited('AUTH_OTP_DESTINATION_LIMITED', today, DAY_MS, now)
      const thisHour = await otp.countEvents(issued, addMs(now, -HOUR_MS))
      if (thisHour.count >= limits.perDestinationPerHour) {
        throw limited('AUTH_OTP_DESTINATION_LIMITED', thisHour, HOUR_MS, now)
      }

      const code = generateOtp()
      const newCode = {
        destination: destination.value,
        purpose,
        codeHash: hashOtp({ pepper: deps.pepper, purpose, destination: destination.value, code }),
        now,
        expiresAt: addMs(now, deps.codeTtlSeconds * 1000),
        issuedNoLaterThan: addMs(now, -limits.resendAfterMs),
      }
      const replaced = await otp.issueCode(newCode, request.ip)
      if (!replaced.replaced) {
        const retryAt = addMs(replaced.issuedAt, limits.resendAfterMs)
        throw authError('AUTH_OTP_RESEND_TOO_SOON', { headers: { 'retry-after': String(secondsUntil(retryAt, now)) } })
      }
      deliver(destination, code, request)
      return { expiresIn: deps.codeTtlSeconds, resendAfter: limits.resendAfterMs / 1000 }
    },

    async verifyCode(request: CodeVerification): Promise<TokenPair> {
      const destination = parseDestination(request.destination)
      const now = clock()
      const purpose = otpPurpose(request.role)
      const binding = { pepper: deps.pepper, purpose, destination: destination.value, code: request.code }
      // One transaction per verification, in turns per destination and purpose (the lock row): each sees the failures
      // and the use of the code that the one before it committed. So the failure cap is exact however many arrive at
      // once, and a right code that arrives while or after another submission of it signs in is told so (409), not
      // counted as a wrong guess: twenty parallel submissions of the right code give one sign-in and nineteen 409s.
      const outcome = await deps.transaction(async (tx): Promise<{ pair: TokenPair } | { refused: AppError }> => {
        await tx.lockVerifications(destination.value, purpose, now)
        const failures = await tx.countFailedVerifications(destination.value, purpose, addMs(now, -HOUR_MS))
        if (failures.count >= limits.failedVerificationsPerHour) {
          return { refused: limited('AUTH_OTP_VERIFY_LIMITED', failures, HOUR_MS, now) }
        }
        const failed = async () => {
          await tx.addFailedVerification({ destination: destination.value, purpose, ip: request.ip, now })
          return { refused: authError('AUTH_OTP_INVALID') }
        }
        const challenge = await tx.findChallenge(destination.value, purpose)
        if (!challenge) return failed()
        // The guess is taken before the code is compared, so that no submission is compared once the code's guesses
        // are gone. It fails for a used code; comparing that one costs nothing, since a used code opens nothing.
        if (!(await tx.takeGuess(challenge, now, limits.guessesPerCode))) {
          if (challenge.consumedAt !== null && verifyOtpHash(binding, challenge.codeHash)) {
            return { refused: authError('AUTH_OTP_ALREADY_USED') }
          }
          return failed()
        }
        if (!verifyOtpHash(binding, challenge.codeHash)) return failed()
        // The code is right. Using it, creating or verifying the account and storing the session commit together or
        // not at all. A refusal (disabled account, ineligible consultant, several legacy accounts) still uses the code.
        // A new code issued in between (not under this lock) voids this one: not a wrong guess either.
        if (!(await tx.consumeCode(challenge, now))) return { refused: authError('AUTH_OTP_INVALID') }

        // The destination is proven; from here on the answer may depend on the account.
        let existing: AccountCredentials | null
        try {
          existing = await tx.accounts.findByDestination(destination)
        } catch (error) {
          if (error instanceof AmbiguousAccountError) {
            log.warn({ customerIds: error.customerIds }, 'one-time code sign-in refused: several accounts hold the destination')
            return { refused: authError('AUTH_ACCOUNT_AMBIGUOUS') }
          }
          throw error
        }
        let principal: Principal
        if (request.role === 'consultant') {
          const customerId = existing?.customerId ?? 0
          try {
            principal = { customerId, consultant: await deps.eligibilityCheckFor(tx.accounts)(customerId, now) }
          } catch (error) {
            if (error instanceof IneligibleError) return { refused: error }
            throw error
          }
        } else {
          const account = existing ?? (await tx.accounts.createVerifiedCustomer(destination, request.locale))
          if (account.accountStatus !== 'Active') return { refused: authError('AUTH_ACCOUNT_DISABLED') }
          if (account.verifiedStatus !== 'Verified') await tx.accounts.markVerified(account.customerId)
          principal = { customerId: account.customerId }
        }
        const { pair, session } = deps.tokens.newSession(principal, request.ip, now)
        await tx.insertSession(session)
        return { pair }
      })
      if ('refused' in outcome) throw outcome.refused
      return outcome.pair
    },

    /** Waits for deliveries still in flight, so that a graceful stop does not drop a code on its way out. */
    async drain(): Promise<void> {
      await Promise.allSettled([...pendingDeliveries])
    },
  }
}

export type OtpSignIn = ReturnType<typeof createOtpSignIn>
