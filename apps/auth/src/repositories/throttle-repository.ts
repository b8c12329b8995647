import { Prisma, type PrismaClient } from '@cp/db'
import { addMs, SECOND_MS } from '../clock.js'
import { type AttemptDecision, decideAttempt } from '../services/sign-in-throttle.js'

const MAX_CONTENDED_TRIES = 5

/** Password sign-in failure records, one row per login identifier, updated by compare-and-set. */
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

    async clear(identifier: string): Promise<void> {
      await db.authSignInThrottle.deleteMany({ where: { identifier } })
    },
  }
}

export type ThrottleRepository = ReturnType<typeof createThrottleRepository>
