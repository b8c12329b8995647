import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './clock.js'

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
    /**
     * Failed sign-ins per client (IP, or IPv6 /64) within ipWindowMs, whatever the accounts: more answer 429 until
     * the oldest failure leaves the window. Against password spraying, which the per-identifier limits cannot see.
     */
    failuresPerIp: 50,
    ipWindowMs: 15 * MINUTE_MS,
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
    /** Events older than this count for no limit (the longest window is a day) and are deleted. */
    eventRetentionMs: 25 * HOUR_MS,
  },
  devices: {
    perAccount: 10,
  },
  /**
   * What housekeeping deletes, and when. Each window starts only once a row can no longer matter to a limit, a grace
   * pair or an open session, and adds a margin for the clocks of several instances.
   */
  housekeeping: {
    /** Rows deleted per statement: no statement holds many locks or runs long. */
    batchSize: 1000,
    /** Statements per table and pass (100 000 rows); the rest waits for the next pass. */
    maxBatchesPerTable: 100,
    /** A code is kept this long after it expired (it was issued earlier still, so the resend interval is long over). */
    challengeRetentionMs: HOUR_MS,
    /**
     * A session (with its refresh tokens and push device) is kept this long after it was ended, reached its absolute
     * end or went idle: a late refresh still hears why, and a reuse can still be looked into. Open sessions and
     * their rotated tokens (which reuse detection needs) are never deleted.
     */
    sessionRetentionMs: 7 * DAY_MS,
    /** A password-failure record is kept this long after its window and any lock it set are over. */
    throttleRetentionMs: HOUR_MS,
    /** A limit's lock row unused this long (it holds no count; a new one is made when needed). */
    limitLockRetentionMs: DAY_MS,
  },
} as const
