import { Prisma, type PrismaClient } from '@cp/db'
import { addMs, SECOND_MS } from '../clock.js'
import { type AttemptDecision, decideAttempt } from '../services/sign-in-throttle.js'

const MAX_CONTENDED_TRIES = 5

/** The attempt a `reserveAttempt` recorded, to take back when another limit refuses the sign-in after it. */
export type ReservedAttempt = Extract<AttemptDecision, { allowed: true }>

/**
 * Password sign-in failure records, updated by compare-and-set: one row per login identifier (the normalised e-mail
 * or phone), and one per account (`account:<customer id>`, or for an identifier without exactly one account a key
 * derived from the identifier, see password-sign-in.ts).
 */
export function createThrottleRepository(db: PrismaClient) {
  return {
    /**
     * Records an attempt for `identifier` if the policy allows it. Compare-and-set on the whole row, so concurrent
     * attempts on several instances each see the count the others left.
     */
    async reserveAttempt(identifier: string, now: Date): Promise<AttemptDecision> {
      for (let tries = 0; tries < MAX_CONTENDED_TRIES; tries++) {
        const row = await db.authSignInThrottle.findUnique({ where: { identifier } })
        const decision = decideAttempt(row, now)
        if (!decision.allowed) return decision
        if (!row) {
          try {
            await db.authSignInThrottle.create({ data: { identifier, ...decision.next } })
            return decision
          } catch (error) {
            if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue
            throw error
          }
        }
        const { count } = await db.authSignInThrottle.updateMany({
          where: {
            identifier,
            failures: row.failures,
            windowStartedAt: row.windowStartedAt,
            lastFailureAt: row.lastFailureAt,
            lockedUntil: row.lockedUntil,
          },
          data: decision.next,
        })
        if (count === 1) return decision
      }
      // Heavy contention on one identifier is itself a sign of an attack: ask the client to slow down.
      return { allowed: false, code: 'AUTH_SIGN_IN_DELAYED', retryAt: addMs(now, SECOND_MS) }
    },

    async clear(...identifiers: string[]): Promise<void> {
      await db.authSignInThrottle.deleteMany({ where: { identifier: { in: identifiers } } })
    },

    /**
     * Puts the row back as it was before `attempt`, if nothing changed it since (compare-and-set); when another
     * attempt came in between, the count keeps this one too, which errs on the safe side.
     */
    async takeBack(identifier: string, attempt: ReservedAttempt): Promise<void> {
      const { next, previous } = attempt
      const current = { identifier, ...next }
      if (previous === null) await db.authSignInThrottle.deleteMany({ where: current })
      else await db.authSignInThrottle.updateMany({ where: current, data: previous })
    },
  }
}

export type ThrottleRepository = ReturnType<typeof createThrottleRepository>
