import type { Prisma, PrismaClient } from '@cp/db'
import type { TokenRole } from '@cp/domain'
import { DEADLOCK, retryOnConflict } from './conflict-retry.js'

export interface SessionRow {
  readonly id: string
  readonly customerId: number
  readonly consultantId: number | null
  readonly role: TokenRole
  readonly createdAt: Date
  readonly lastUsedAt: Date
  readonly expiresAt: Date
  readonly revokedAt: Date | null
}

export interface RefreshTokenRow {
  readonly id: bigint
  readonly sessionId: string
  readonly rotatedAt: Date | null
  readonly graceResponse: string | null
}

export type RevokeReason = 'logout' | 'logout_all' | 'reuse' | 'account_disabled' | 'ineligible' | 'expired'

export interface NewSession {
  readonly id: string
  readonly customerId: number
  readonly consultantId: number | null
  readonly role: TokenRole
  readonly now: Date
  readonly expiresAt: Date
  readonly ip: string
  readonly refreshTokenHash: string
}

const sessionSelect = {
  id: true,
  customerId: true,
  consultantId: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const

const refreshTokenSelect = { id: true, sessionId: true, rotatedAt: true, graceResponse: true } as const

// Revoking locks the session, then its device and tokens; housekeeping deletes a long-ended session's tokens and
// device before the session. Should both meet on one session, InnoDB picks a victim, and revoking simply runs again.
const RETRY_ON_DEADLOCK = new Set([DEADLOCK])

/** Thrown inside a transaction to roll it back when another request rotated the token first. */
class RotationLost extends Error {}
/** Thrown inside a transaction to roll it back when the session ended (logout, reuse, ...) or expired meanwhile. */
class SessionClosed extends Error {}

export type RotationResult = 'rotated' | 'lost' | 'session_closed'

/** Stores a new session and its first refresh token; within the caller's transaction. */
export async function insertSession(db: Prisma.TransactionClient, session: NewSession): Promise<void> {
  await db.authSession.create({
    data: {
      id: session.id,
      customerId: session.customerId,
      consultantId: session.consultantId,
      role: session.role,
      createdAt: session.now,
      lastUsedAt: session.now,
      expiresAt: session.expiresAt,
      createdIp: session.ip.slice(0, 64),
    },
  })
  await db.authRefreshToken.create({
    data: { sessionId: session.id, tokenHash: session.refreshTokenHash, createdAt: session.now },
  })
}

/** Sessions (refresh-token families) and their hashed refresh tokens. */
export function createSessionsRepository(db: PrismaClient) {
  return {
    async create(session: NewSession): Promise<void> {
      await db.$transaction((tx) => insertSession(tx, session))
    },

    findSession(id: string): Promise<SessionRow | null> {
      return db.authSession.findUnique({ where: { id }, select: sessionSelect })
    },

    async findRefreshToken(tokenHash: string): Promise<{ token: RefreshTokenRow; session: SessionRow } | null> {
      const found = await db.authRefreshToken.findUnique({
        where: { tokenHash },
        select: { ...refreshTokenSelect, session: { select: sessionSelect } },
      })
      if (!found) return null
      const { session, ...token } = found
      // A required relation, but no foreign key keeps the session: a token whose session row is gone reads with
      // `session` null, whatever the type says, and is no valid token.
      return session ? { token, session } : null
    },

    /**
     * Replaces `token` by a new one, atomically. The session row is locked first (SELECT ... FOR UPDATE, the row that
     * logout, logout/all and a reuse-triggered revoke update first), and must still be open: a rotation and a revoke
     * of one session take turns, so a session ended a moment ago can never rotate ('session_closed'), and one that
     * rotated is ended afterwards with its new token. Only the first of concurrent rotations wins ('lost' for the
     * others). `graceResponse` is kept on the old token so that a replay within the grace period gets the same pair.
     */
    async rotate(input: {
      token: RefreshTokenRow
      newTokenHash: string
      graceResponse: string
      now: Date
      /** Tokens rotated before this instant are past their grace period. */
      graceEndedBefore: Date
      /** The session went idle when last used at or before this instant. */
      idleBefore: Date
    }): Promise<RotationResult> {
      const { token, now } = input
      try {
        await db.$transaction(async (tx) => {
          const open = await tx.$queryRaw<{ id: string }[]>`
            SELECT id FROM auth_sessions
            WHERE id = ${token.sessionId} AND revoked_at IS NULL AND expires_at > ${now} AND last_used_at > ${input.idleBefore}
            FOR UPDATE`
          if (open.length !== 1) throw new SessionClosed()
          const { count } = await tx.authRefreshToken.updateMany({
            where: { id: token.id, rotatedAt: null },
            data: { rotatedAt: now, graceResponse: input.graceResponse },
          })
          if (count !== 1) throw new RotationLost()
          const created = await tx.authRefreshToken.create({
            data: { sessionId: token.sessionId, tokenHash: input.newTokenHash, createdAt: now },
            select: { id: true },
          })
          await tx.authRefreshToken.update({ where: { id: token.id }, data: { replacedById: created.id } })
          // Pairs sealed on earlier tokens whose grace period is over are of no more use. Selected through the
          // session index: a condition on an unindexed column would lock every row of the table it scans.
          await tx.authRefreshToken.updateMany({
            where: {
              sessionId: token.sessionId,
              id: { not: token.id },
              graceResponse: { not: null },
              rotatedAt: { lt: input.graceEndedBefore },
            },
            data: { graceResponse: null },
          })
          await tx.authSession.update({ where: { id: token.sessionId }, data: { lastUsedAt: now } })
        })
        return 'rotated'
      } catch (error) {
        if (error instanceof RotationLost) return 'lost'
        if (error instanceof SessionClosed) return 'session_closed'
        throw error
      }
    },

    async readToken(id: bigint): Promise<RefreshTokenRow | null> {
      return db.authRefreshToken.findUnique({ where: { id }, select: refreshTokenSelect })
    },

    /** Ends one session and removes its push device; false when it had already ended. */
    async revoke(sessionId: string, reason: RevokeReason, now: Date): Promise<boolean> {
      const [revoked] = await retryOnConflict(
        () =>
          db.$transaction([
            db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } }),
            db.authDeviceToken.deleteMany({ where: { sessionId } }),
            db.authRefreshToken.updateMany({ where: { sessionId, graceResponse: { not: null } }, data: { graceResponse: null } }),
          ]),
        RETRY_ON_DEADLOCK,
      )
      return revoked.count === 1
    },

    /**
     * Ends every session of an account, removes their push devices and clears their sealed grace pairs (as `revoke`
     * does for one session: a pair that can no longer be replayed is not kept); returns how many were still open.
     */
    async revokeAll(customerId: number, reason: RevokeReason, now: Date): Promise<number> {
      return retryOnConflict(
        () =>
          db.$transaction(async (tx) => {
            const revoked = await tx.authSession.updateMany({
              where: { customerId, revokedAt: null },
              data: { revokedAt: now, revokedReason: reason },
            })
            await tx.authDeviceToken.deleteMany({ where: { customerId } })
            const sessions = await tx.authSession.findMany({ where: { customerId }, select: { id: true } })
            await tx.authRefreshToken.updateMany({
              where: { sessionId: { in: sessions.map((session) => session.id) }, graceResponse: { not: null } },
              data: { graceResponse: null },
            })
            return revoked.count
          }),
        RETRY_ON_DEADLOCK,
      )
    },
  }
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>
