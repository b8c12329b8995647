import { type AuthOtpEventKind, Prisma, type PrismaClient } from '@cp/db'
import { DEADLOCK, retryOnConflict } from './conflict-retry.js'

export interface ChallengeRow {
  readonly id: bigint
  readonly destination: string
  readonly purpose: string
  readonly codeHash: string
  readonly issuedAt: Date
  readonly expiresAt: Date
  /** When the code signed someone in; a code is used once. */
  readonly consumedAt: Date | null
}

export interface NewCode {
  readonly destination: string
  readonly purpose: string
  readonly codeHash: string
  readonly now: Date
  readonly expiresAt: Date
  /** The code is only replaced when the current one was issued at or before this instant. */
  readonly issuedNoLaterThan: Date
}

export interface EventWindow {
  readonly count: number
  /** The oldest event counted; the window frees up from it. */
  readonly oldest: Date | null
}

/** An event to add only while fewer than `limit` events of its kind and key happened since `since`. */
export interface EventReservation {
  readonly kind: AuthOtpEventKind
  /** The key the limit counts by: the client IP, or the destination for one purpose. */
  readonly countBy: 'ip' | 'destination'
  readonly destination: string
  readonly purpose: string
  readonly ip: string
  readonly now: Date
  readonly since: Date
  readonly limit: number
}

export type ReservationResult =
  | { readonly reserved: true; readonly eventId: bigint }
  | { readonly reserved: false; readonly window: EventWindow }

const RETRY_ON_DEADLOCK = new Set([DEADLOCK])

const challengeSelect = {
  id: true,
  destination: true,
  purpose: true,
  codeHash: true,
  issuedAt: true,
  expiresAt: true,
  consumedAt: true,
} as const

/** A client IP's events, or a destination's events for one purpose (events older than purposes count for both). */
export type EventFilter = { kind: AuthOtpEventKind } & ({ destination: string; purpose: string } | { ip: string })

function eventWhere(filter: EventFilter, since: Date): Prisma.AuthOtpEventWhereInput {
  const createdAt = { gt: since }
  if ('ip' in filter) return { kind: filter.kind, ip: filter.ip, createdAt }
  const { kind, destination, purpose } = filter
  return { kind, destination, createdAt, OR: [{ purpose }, { purpose: null }] }
}

async function countEvents(db: Prisma.TransactionClient, filter: EventFilter, since: Date): Promise<EventWindow> {
  const result = await db.authOtpEvent.aggregate({
    where: eventWhere(filter, since),
    _count: { _all: true },
    _min: { createdAt: true },
  })
  return { count: result._count._all, oldest: result._min.createdAt }
}

/**
 * Puts a new code in place of the previous one for the same destination and purpose, unless that one is younger than
 * the resend interval: a conditional UPDATE of the existing row, or the INSERT of the first code, guarded by the
 * unique destination and purpose, so two instances can never both issue a code within the interval. The row is read
 * first (a plain read, no locks) so that a missing row is inserted without an UPDATE before it: an UPDATE that finds
 * no row locks the index gap, and concurrent inserts of other destinations into that gap would deadlock.
 */
async function replaceCode(
  db: Prisma.TransactionClient,
  code: NewCode,
): Promise<{ replaced: true } | { replaced: false; issuedAt: Date }> {
  const key = { destination: code.destination, purpose: code.purpose }
  const data = { codeHash: code.codeHash, issuedAt: code.now, expiresAt: code.expiresAt, attempts: 0, consumedAt: null }
  const current = await db.authOtpCode.findUnique({ where: { destination_purpose: key }, select: { issuedAt: true } })
  if (current) {
    const { count } = await db.authOtpCode.updateMany({ where: { ...key, issuedAt: { lte: code.issuedNoLaterThan } }, data })
    return count === 1 ? { replaced: true } : { replaced: false, issuedAt: current.issuedAt }
  }
  try {
    await db.authOtpCode.create({ data: { ...key, ...data } })
    return { replaced: true }
  } catch (error) {
    // A parallel request inserted the first code a moment ago (MySQL rolls back only the failed statement).
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error
    return { replaced: false, issuedAt: code.now }
  }
}

/** Marks a correct code used; of concurrent verifications exactly one gets true. */
export async function consumeCode(db: Prisma.TransactionClient, challenge: ChallengeRow, now: Date): Promise<boolean> {
  const { count } = await db.authOtpCode.updateMany({
    where: { id: challenge.id, codeHash: challenge.codeHash, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  })
  return count === 1
}

/** Takes back a reserved event that turned out not to count (a password sign-in that was not a failure). */
export async function releaseEvent(db: Prisma.TransactionClient, eventId: bigint): Promise<void> {
  await db.authOtpEvent.deleteMany({ where: { id: eventId } })
}

/**
 * Locks the row of a limited key in auth_limit_locks (the upsert takes its exclusive lock, waiting for a transaction
 * holding it to end), so that what the transaction then counts includes every event committed before it: under
 * REPEATABLE READ the snapshot is taken at the first plain read, which comes after the lock; under READ COMMITTED every
 * read is fresh. One lock row per transaction, so no lock-order deadlock; two first upserts of a new key can still
 * deadlock each other, and are run again.
 */
export async function lockLimitKey(db: Prisma.TransactionClient, scope: string, subject: string, now: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO auth_limit_locks (scope, subject, last_used_at) VALUES (${scope}, ${subject}, ${now})
    ON DUPLICATE KEY UPDATE last_used_at = GREATEST(last_used_at, ${now})`
}

/** The lock key of the failed verifications of a destination and purpose (at most 32 + 254 characters). */
export const verifyLockKey = (destination: string, purpose: string) => ({ scope: `verify_failed:${purpose}`, subject: destination })

export function findChallenge(db: Prisma.TransactionClient, destination: string, purpose: string): Promise<ChallengeRow | null> {
  return db.authOtpCode.findUnique({ where: { destination_purpose: { destination, purpose } }, select: challengeSelect })
}

/**
 * Takes one of the code's guesses before the code is compared, so that parallel guesses cannot exceed the cap.
 * False when the code is used, expired, replaced or has no guesses left.
 */
export async function takeGuess(db: Prisma.TransactionClient, challenge: ChallengeRow, now: Date, maxGuesses: number): Promise<boolean> {
  const { count } = await db.authOtpCode.updateMany({
    where: { id: challenge.id, codeHash: challenge.codeHash, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: maxGuesses } },
    data: { attempts: { increment: 1 } },
  })
  return count === 1
}

/** Records a failed verification of a destination and purpose, from `ip`. */
export async function addFailedVerification(
  db: Prisma.TransactionClient,
  failure: { destination: string; purpose: string; ip: string; now: Date },
): Promise<void> {
  const { destination, purpose, ip, now } = failure
  await db.authOtpEvent.create({ data: { kind: 'verify_failed', destination, purpose, ip: ip.slice(0, 64), createdAt: now } })
}

export { countEvents }

/** One-time codes (one per destination and purpose) and the events the OTP rate limits count. */
export function createOtpRepository(db: PrismaClient) {
  return {
    /**
     * Puts a new code in place of the previous one for the same destination and purpose, unless that one is younger
     * than the resend interval, and records it as issued (what the hourly and daily code quotas count), in one
     * transaction: a code is never stored without being counted, nor counted without being stored.
     */
    issueCode(code: NewCode, ip: string): Promise<{ replaced: true } | { replaced: false; issuedAt: Date }> {
      return retryOnConflict(() => db.$transaction(async (tx) => {
        const result = await replaceCode(tx, code)
        if (result.replaced) {
          await tx.authOtpEvent.create({
            data: { kind: 'issued', destination: code.destination, purpose: code.purpose, ip: ip.slice(0, 64), createdAt: code.now },
          })
        }
        return result
      }), RETRY_ON_DEADLOCK)
    },

    findChallenge(destination: string, purpose: string): Promise<ChallengeRow | null> {
      return findChallenge(db, destination, purpose)
    },

    countEvents(filter: EventFilter, since: Date): Promise<EventWindow> {
      return countEvents(db, filter, since)
    },

    /**
     * Adds the event only if the limit leaves room for it: exact however many requests for one key arrive at once,
     * on however many instances, because the key's lock row is taken first (lockLimitKey).
     */
    reserveEvent(reservation: EventReservation): Promise<ReservationResult> {
      const { kind, countBy, destination, purpose, now, since, limit } = reservation
      const ip = reservation.ip.slice(0, 64)
      // At most 32 characters: 'verify_failed:sign-in:consultant' is the longest.
      const scope = countBy === 'ip' ? `${kind}:ip` : `${kind}:${purpose}`
      const subject = countBy === 'ip' ? ip : destination
      const filter: EventFilter = countBy === 'ip' ? { kind, ip } : { kind, destination, purpose }
      return retryOnConflict(
        () =>
          db.$transaction(async (tx) => {
            await lockLimitKey(tx, scope, subject, now)
            const window = await countEvents(tx, filter, since)
            if (window.count >= limit) return { reserved: false, window } as const
            const event = await tx.authOtpEvent.create({
              data: { kind, destination, purpose, ip, createdAt: now },
              select: { id: true },
            })
            return { reserved: true, eventId: event.id } as const
          }),
        RETRY_ON_DEADLOCK,
      )
    },

    releaseEvent(eventId: bigint): Promise<void> {
      return releaseEvent(db, eventId)
    },
  }
}

export type OtpRepository = ReturnType<typeof createOtpRepository>
