import { addMs } from '../clock.js'
import { POLICY } from '../policy.js'

/** The failure record of one login identifier (a row of auth_sign_in_throttles). */
export interface ThrottleState {
  readonly failures: number
  readonly windowStartedAt: Date
  readonly lastFailureAt: Date | null
  readonly lockedUntil: Date | null
}

export type AttemptDecision =
  | { readonly allowed: true; readonly next: ThrottleState; readonly previous: ThrottleState | null }
  | { readonly allowed: false; readonly code: 'AUTH_SIGN_IN_LOCKED' | 'AUTH_SIGN_IN_DELAYED'; readonly retryAt: Date }

const { delayAfterFailures, lockAfterFailures, windowMs, lockMs, firstDelayMs } = POLICY.password

/**
 * Decides whether a password attempt may go ahead. An allowed attempt is counted as a failure before the password is
 * checked (a success then clears the record), so concurrent attempts cannot slip past the limits: after 5 failures
 * each attempt waits 1 s, 2 s, 4 s... after the previous one, and the 10th failure within 15 minutes locks the
 * identifier for 15 minutes. The lock expires by itself.
 */
export function decideAttempt(state: ThrottleState | null, now: Date): AttemptDecision {
  if (state?.lockedUntil && state.lockedUntil > now) {
    return { allowed: false, code: 'AUTH_SIGN_IN_LOCKED', retryAt: state.lockedUntil }
  }
  const current =
    state && !state.lockedUntil && now.getTime() - state.windowStartedAt.getTime() < windowMs
      ? state
      : { failures: 0, windowStartedAt: now, lastFailureAt: null, lockedUntil: null }

  if (current.failures >= delayAfterFailures && current.lastFailureAt) {
    const delayMs = firstDelayMs * 2 ** (current.failures - delayAfterFailures)
    const retryAt = addMs(current.lastFailureAt, delayMs)
    if (now < retryAt) return { allowed: false, code: 'AUTH_SIGN_IN_DELAYED', retryAt }
  }

  const failures = current.failures + 1
  return {
    allowed: true,
    previous: state,
    next: {
      failures,
      windowStartedAt: current.windowStartedAt,
      lastFailureAt: now,
      lockedUntil: failures >= lockAfterFailures ? addMs(now, lockMs) : null,
    },
  }
}
