import { HOUR_MS, MINUTE_MS, SECOND_MS } from './clock.js'

/** Abuse limits of the issue, in one place; they are policy, not deployment configuration. */
export const POLICY = {
  password: {
    /** Failures before each further attempt must wait (1 s, then doubling). */
    delayAfterFailures: 5,
    /** Failures within the window that lock sign-in for the identifier. */
    lockAfterFailures: 10,
    windowMs: 15 * MINUTE_MS,
    lockMs: 15 * MINUTE_MS,
    firstDelayMs: SECOND_MS,
  },
  otp: {
    resendAfterMs: 60 * SECOND_MS,
    perDestinationPerHour: 5,
    perDestinationPerDay: 10,
    perIpPerHour: 20,
    /** Wrong guesses of one code before it is burned. */
    guessesPerCode: 5,
    /** Failed verifications per destination per hour, whatever codes were requested meanwhile. */
    failedVerificationsPerHour: 10,
    /** Events older than this count for no limit and are deleted. */
    eventRetentionMs: 25 * HOUR_MS,
  },
  devices: {
    perAccount: 10,
  },
} as const
