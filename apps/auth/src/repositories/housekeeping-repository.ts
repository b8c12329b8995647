import type { Prisma, PrismaClient } from '@cp/db'

/** Rows whose instant lies before these (times of the service's clock) have outlived every use. */
export interface PurgeCutoffs {
  readonly otpEventsCreatedBefore: Date
  readonly otpChallengesExpiredBefore: Date
  readonly sessionsRevokedBefore: Date
  readonly sessionsExpiredBefore: Date
  readonly sessionsLastUsedBefore: Date
  readonly throttleWindowsStartedBefore: Date
  readonly limitLocksUsedBefore: Date
}

export interface PurgeBudget {
  /** Rows per statement. */
  readonly batchSize: number
  /** Delete statements per table and pass. */
  readonly maxBatchesPerTable: number
}

export interface PurgeReport {
  otpEvents: number
  otpChallenges: number
  sessions: number
  refreshTokens: number
  deviceTokens: number
  signInThrottles: number
  limitLocks: number
  /** False when a table used up its statements: more is left for the next pass. */
  complete: boolean
}

export const emptyPurgeReport = (): PurgeReport => ({
  otpEvents: 0,
  otpChallenges: 0,
  sessions: 0,
  refreshTokens: 0,
  deviceTokens: 0,
  signInThrottles: 0,
  limitLocks: 0,
  complete: true,
})

/**
 * Deletes rows that no limit, grace pair or open session needs any more, in bounded batches. Each batch reads the
 * keys of at most `batchSize` rows (a plain read through an index, no locks), then deletes exactly those keys, testing
 * the condition again: a row changed meanwhile (a code replaced, a throttle window restarted, a lock row used) stays.
 * Several instances may run it at once; a row deleted by one is simply not found by the other.
 */
export function createHousekeepingRepository(db: PrismaClient) {
  return {
    async purge(cutoffs: PurgeCutoffs, budget: PurgeBudget): Promise<PurgeReport> {
      const report = emptyPurgeReport()
      const run = async <Row>(table: Exclude<keyof PurgeReport, 'complete'>, batches: Batches<Row>) => {
        const { deleted, complete } = await deleteInBatches(budget, batches)
        report[table] += deleted
        report.complete &&= complete
      }

      const eventsWhere = { createdAt: { lt: cutoffs.otpEventsCreatedBefore } }
      await run('otpEvents', {
        find: (take) => db.authOtpEvent.findMany({ where: eventsWhere, select: { id: true }, take }),
        remove: (rows) => deleteCount(db.authOtpEvent.deleteMany({ where: { id: { in: ids(rows) }, ...eventsWhere } })),
      })

      const challengesWhere = { expiresAt: { lt: cutoffs.otpChallengesExpiredBefore } }
      await run('otpChallenges', {
        find: (take) => db.authOtpCode.findMany({ where: challengesWhere, select: { id: true }, take }),
        remove: (rows) => deleteCount(db.authOtpCode.deleteMany({ where: { id: { in: ids(rows) }, ...challengesWhere } })),
      })

      const throttlesWhere = { windowStartedAt: { lt: cutoffs.throttleWindowsStartedBefore } }
      await run('signInThrottles', {
        find: (take) => db.authSignInThrottle.findMany({ where: throttlesWhere, select: { identifier: true }, take }),
        remove: (rows) =>
          deleteCount(
            db.authSignInThrottle.deleteMany({
              where: { identifier: { in: rows.map((row) => row.identifier) }, ...throttlesWhere },
            }),
          ),
      })

      const locksWhere = { lastUsedAt: { lt: cutoffs.limitLocksUsedBefore } }
      await run('limitLocks', {
        find: (take) => db.authLimitLock.findMany({ where: locksWhere, select: { scope: true, subject: true }, take }),
        remove: (rows) =>
          deleteCount(
            db.authLimitLock.deleteMany({
              where: { OR: rows.map(({ scope, subject }) => ({ scope, subject })), ...locksWhere },
            }),
          ),
      })

      const sessions = await purgeSessions(db, cutoffs, budget)
      report.sessions += sessions.sessions
      report.refreshTokens += sessions.refreshTokens
      report.deviceTokens += sessions.deviceTokens
      report.complete &&= sessions.complete
      return report
    },
  }
}

export type HousekeepingRepository = ReturnType<typeof createHousekeepingRepository>

/**
 * Ended, expired and idle sessions with their refresh tokens and push device. Tokens and device go first, the session
 * last, so a pass cut short leaves the session to be found again by the next one.
 */
async function purgeSessions(db: PrismaClient, cutoffs: PurgeCutoffs, budget: PurgeBudget) {
  const result = { sessions: 0, refreshTokens: 0, deviceTokens: 0, complete: true }
  let sessionStatements = 0
  let tokenStatements = 0
  // One condition at a time, so that each is found through its own index.
  const conditions: Prisma.AuthSessionWhereInput[] = [
    { revokedAt: { lt: cutoffs.sessionsRevokedBefore } },
    { expiresAt: { lt: cutoffs.sessionsExpiredBefore } },
    { lastUsedAt: { lt: cutoffs.sessionsLastUsedBefore } },
  ]
  for (const where of conditions) {
    for (;;) {
      if (sessionStatements >= budget.maxBatchesPerTable) return { ...result, complete: false }
      const rows = await db.authSession.findMany({ where, select: { id: true }, take: budget.batchSize })
      if (rows.length === 0) break
      const sessionIds = rows.map((row) => row.id)
      const tokens = await deleteInBatches(
        { batchSize: budget.batchSize, maxBatchesPerTable: budget.maxBatchesPerTable - tokenStatements },
        {
          find: (take) => db.authRefreshToken.findMany({ where: { sessionId: { in: sessionIds } }, select: { id: true }, take }),
          remove: (tokenRows) => deleteCount(db.authRefreshToken.deleteMany({ where: { id: { in: ids(tokenRows) } } })),
        },
      )
      result.refreshTokens += tokens.deleted
      tokenStatements += tokens.statements
      if (!tokens.complete) return { ...result, complete: false }
      result.deviceTokens += await deleteCount(db.authDeviceToken.deleteMany({ where: { sessionId: { in: sessionIds } } }))
      result.sessions += await deleteCount(db.authSession.deleteMany({ where: { id: { in: sessionIds }, ...where } }))
      sessionStatements += 1
      if (rows.length < budget.batchSize) break
    }
  }
  return result
}

interface Batches<Row> {
  find(take: number): Promise<Row[]>
  remove(rows: Row[]): Promise<number>
}

async function deleteInBatches<Row>(
  budget: PurgeBudget,
  batches: Batches<Row>,
): Promise<{ deleted: number; statements: number; complete: boolean }> {
  let deleted = 0
  for (let statements = 0; statements < budget.maxBatchesPerTable; ) {
    const rows = await batches.find(budget.batchSize)
    if (rows.length === 0) return { deleted, statements, complete: true }
    deleted += await batches.remove(rows)
    statements += 1
    if (rows.length < budget.batchSize) return { deleted, statements, complete: true }
  }
  return { deleted, statements: Math.max(0, budget.maxBatchesPerTable), complete: false }
}

const ids = (rows: Array<{ id: bigint }>) => rows.map((row) => row.id)

async function deleteCount(deletion: Promise<{ count: number }>): Promise<number> {
  return (await deletion).count
}
