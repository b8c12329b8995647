import { randomUUID } from 'node:crypto'
import { createDb, parseDbConfig, type PrismaClient } from '@cp/db'
import { createTestDatabase } from '@cp/db/testing'
import t, { type Test } from 'tap'
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../../src/clock.js'
import { createHousekeepingRepository, emptyPurgeReport, type PurgeBudget } from '../../src/repositories/housekeeping-repository.js'
import { POLICY } from '../../src/policy.js'
import { purgeCutoffs } from '../../src/services/housekeeping.js'

const NOW = new Date('2026-06-01T12:00:00.000Z')
const IDLE_DAYS = 14
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const later = (ms: number) => new Date(NOW.getTime() + ms)
const cutoffs = purgeCutoffs(NOW, IDLE_DAYS)
const { batchSize, maxBatchesPerTable } = POLICY.housekeeping
const policyBudget: PurgeBudget = { batchSize, maxBatchesPerTable }

const silent = { debug() {}, info() {}, warn() {}, error() {} }

async function freshDatabase(t: Test) {
  const { db } = await createTestDatabase(t, { connect: true })
  return db.prisma
}

interface SessionFixture {
  readonly label: string
  readonly revokedAt?: Date
  readonly expiresAt: Date
  readonly lastUsedAt: Date
  readonly tokens: number
  readonly device: boolean
}

/** Rows on both sides of every retention window, labelled by whether housekeeping may delete them. */
const fixture = {
  events: [
    { label: 'gone: older than 25 hours', createdAt: ago(25 * HOUR_MS + SECOND_MS) },
    { label: 'kept: just inside 25 hours', createdAt: ago(25 * HOUR_MS - SECOND_MS) },
    { label: 'kept: counted by the daily limit', createdAt: ago(23 * HOUR_MS) },
  ],
  challenges: [
    { label: 'gone: expired over an hour ago', expiresAt: ago(HOUR_MS + SECOND_MS) },
    { label: 'kept: expired 59 minutes ago', expiresAt: ago(59 * MINUTE_MS) },
    { label: 'kept: still valid', expiresAt: later(4 * MINUTE_MS) },
  ],
  throttles: [
    { label: 'gone: window and lock over', windowStartedAt: ago(91 * MINUTE_MS), lockedUntil: ago(61 * MINUTE_MS) },
    { label: 'kept: within the margin', windowStartedAt: ago(89 * MINUTE_MS), lockedUntil: null },
    { label: 'kept: locked now', windowStartedAt: ago(20 * MINUTE_MS), lockedUntil: later(10 * MINUTE_MS) },
  ],
  locks: [
    { label: 'gone: unused for a day', lastUsedAt: ago(DAY_MS + SECOND_MS) },
    { label: 'kept: used 23 hours ago', lastUsedAt: ago(23 * HOUR_MS) },
  ],
  sessions: [
    { label: 'gone: ended over 7 days ago', revokedAt: ago(7 * DAY_MS + MINUTE_MS), expiresAt: later(DAY_MS), lastUsedAt: ago(8 * DAY_MS), tokens: 3, device: true },
    { label: 'kept: ended 6 days ago', revokedAt: ago(6 * DAY_MS), expiresAt: later(DAY_MS), lastUsedAt: ago(6 * DAY_MS), tokens: 2, device: false },
    { label: 'gone: absolute end over 7 days ago', expiresAt: ago(7 * DAY_MS + MINUTE_MS), lastUsedAt: ago(9 * DAY_MS), tokens: 2, device: true },
    { label: 'kept: absolute end 6 days ago', expiresAt: ago(6 * DAY_MS), lastUsedAt: ago(9 * DAY_MS), tokens: 1, device: true },
    { label: 'gone: idle for 14 + 7 days', expiresAt: later(9 * DAY_MS), lastUsedAt: ago(21 * DAY_MS + MINUTE_MS), tokens: 2, device: true },
    { label: 'kept: idle for 14 + 6 days', expiresAt: later(10 * DAY_MS), lastUsedAt: ago(20 * DAY_MS), tokens: 1, device: true },
    { label: 'kept: open, with old rotated tokens and a grace pair', expiresAt: later(20 * DAY_MS), lastUsedAt: ago(HOUR_MS), tokens: 5, device: true },
  ] satisfies SessionFixture[],
}

const expectedReport = {
  otpEvents: 1,
  otpChallenges: 1,
  sessions: 3,
  refreshTokens: 3 + 2 + 2,
  deviceTokens: 3,
  signInThrottles: 1,
  limitLocks: 1,
  complete: true,
}

/** Inserts the fixture `copies` times; labels become keys (destination, identifier, ip...) with the copy number. */
async function seed(prisma: PrismaClient, copies = 1) {
  let customerId = 0
  for (let copy = 0; copy < copies; copy++) {
    const key = (label: string) => `${copy}|${label}`
    await prisma.authOtpEvent.createMany({
      data: fixture.events.map(({ label, createdAt }) => ({ kind: 'requested', destination: key(label), ip: '10.0.0.1', createdAt })),
    })
    await prisma.authOtpCode.createMany({
      data: fixture.challenges.map(({ label, expiresAt }) => ({
        destination: key(label),
        purpose: 'sign-in:customer',
        codeHash: 'c'.repeat(64),
        issuedAt: new Date(expiresAt.getTime() - 5 * MINUTE_MS),
        expiresAt,
      })),
    })
    await prisma.authSignInThrottle.createMany({
      data: fixture.throttles.map(({ label, windowStartedAt, lockedUntil }) => ({
        identifier: key(label),
        failures: 10,
        windowStartedAt,
        lastFailureAt: windowStartedAt,
        lockedUntil,
      })),
    })
    await prisma.authLimitLock.createMany({
      data: fixture.locks.map(({ label, lastUsedAt }) => ({ scope: 'requested:ip', subject: key(label), lastUsedAt })),
    })
    for (const session of fixture.sessions) {
      customerId += 1
      const id = randomUUID()
      await prisma.authSession.create({
        data: {
          id,
          customerId,
          role: 'customer',
          createdAt: ago(25 * DAY_MS),
          lastUsedAt: session.lastUsedAt,
          expiresAt: session.expiresAt,
          revokedAt: session.revokedAt ?? null,
          revokedReason: session.revokedAt ? 'logout' : null,
          createdIp: key(session.label).slice(0, 64),
        },
      })
      await prisma.authRefreshToken.createMany({
        data: Array.from({ length: session.tokens }, (_, i) => ({
          sessionId: id,
          tokenHash: randomUUID().replaceAll('-', '').padEnd(64, '0'),
          createdAt: ago(20 * DAY_MS - i * HOUR_MS),
          rotatedAt: i < session.tokens - 1 ? ago(20 * DAY_MS - (i + 1) * HOUR_MS) : null,
          graceResponse: i === session.tokens - 2 ? 'sealed-pair' : null,
        })),
      })
      if (session.device) {
        await prisma.authDeviceToken.create({
          data: {
            tokenHash: randomUUID().replaceAll('-', '').padEnd(64, '0'),
            token: `device-${id}`,
            customerId,
            sessionId: id,
            platform: 'ios',
            createdAt: ago(25 * DAY_MS),
            updatedAt: ago(25 * DAY_MS),
          },
        })
      }
    }
  }
}

/** The labels still in each table, and whether every refresh token and device still has its session. */
async function remaining(prisma: PrismaClient) {
  const labels = (keys: string[]) => keys.map((key) => key.slice(key.indexOf('|') + 1)).sort()
  const sessions = await prisma.authSession.findMany({ select: { id: true, createdIp: true } })
  const sessionIds = new Set(sessions.map((session) => session.id))
  const tokens = await prisma.authRefreshToken.findMany({ select: { sessionId: true } })
  const devices = await prisma.authDeviceToken.findMany({ select: { sessionId: true } })
  return {
    events: labels((await prisma.authOtpEvent.findMany({ select: { destination: true } })).map((row) => row.destination)),
    challenges: labels((await prisma.authOtpCode.findMany({ select: { destination: true } })).map((row) => row.destination)),
    throttles: labels((await prisma.authSignInThrottle.findMany({ select: { identifier: true } })).map((row) => row.identifier)),
    locks: labels((await prisma.authLimitLock.findMany({ select: { subject: true } })).map((row) => row.subject)),
    sessions: labels(sessions.map((session) => session.createdIp ?? '')),
    tokens: tokens.length,
    devices: devices.length,
    orphans: [...tokens, ...devices].filter((row) => !sessionIds.has(row.sessionId)).length,
  }
}

const kept = (rows: ReadonlyArray<{ label: string }>) => rows.map((row) => row.label).filter((label) => label.startsWith('kept')).sort()
// Labels are cut to 64 characters in created_ip; none of the fixture's is that long with its copy prefix.
const expectedRemaining = {
  events: kept(fixture.events),
  challenges: kept(fixture.challenges),
  throttles: kept(fixture.throttles),
  locks: kept(fixture.locks),
  sessions: kept(fixture.sessions),
  tokens: 2 + 1 + 1 + 5,
  devices: 1 + 1 + 1,
  orphans: 0,
}

t.test('a pass deletes exactly the rows that outlived every use and keeps the rest; a second pass finds nothing', async (t) => {
  const prisma = await freshDatabase(t)
  await seed(prisma)
  const repository = createHousekeepingRepository(prisma)
  t.same(await repository.purge(cutoffs, policyBudget), expectedReport)
  t.same(await remaining(prisma), expectedRemaining)
  const gracePairs = await prisma.authRefreshToken.count({ where: { graceResponse: 'sealed-pair' } })
  t.equal(gracePairs, 2, 'the grace pairs of the two kept sessions that had one (open, ended 6 days ago) are there')

  t.same(await repository.purge(cutoffs, policyBudget), emptyPurgeReport(), 'idempotent')
  t.same(await remaining(prisma), expectedRemaining)
})

t.test('with tiny batches and a cap, passes stop early, never leave a token without its session, and finish', async (t) => {
  const prisma = await freshDatabase(t)
  await seed(prisma, 2)
  const repository = createHousekeepingRepository(prisma)
  const totals = { otpEvents: 0, otpChallenges: 0, sessions: 0, refreshTokens: 0, deviceTokens: 0, signInThrottles: 0, limitLocks: 0 }
  let passes = 0
  for (let complete = false; !complete; ) {
    passes += 1
    const report = await repository.purge(cutoffs, { batchSize: 1, maxBatchesPerTable: 2 })
    complete = report.complete
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += report[key]
    t.equal((await remaining(prisma)).orphans, 0, `pass ${passes}: no orphaned token or device`)
    if (passes > 20) throw new Error('housekeeping does not finish')
  }
  t.ok(passes > 2, `${passes} passes`)
  const { complete: _, ...perCopy } = expectedReport
  t.same(totals, Object.fromEntries(Object.entries(perCopy).map(([key, count]) => [key, count * 2])))
  const rest = await remaining(prisma)
  t.same(rest.sessions, [...expectedRemaining.sessions, ...expectedRemaining.sessions].sort())
  t.equal(rest.tokens, expectedRemaining.tokens * 2)
})

t.test('two instances purging at once delete everything once, without errors', async (t) => {
  const { url, db } = await createTestDatabase(t, { connect: true })
  const other = createDb(parseDbConfig({ DATABASE_URL: url }), silent)
  t.teardown(() => other.disconnect())
  const copies = 20
  await seed(db.prisma, copies)
  const budget = { batchSize: 7, maxBatchesPerTable: 1000 }
  const reports = await Promise.all([
    createHousekeepingRepository(db.prisma).purge(cutoffs, budget),
    createHousekeepingRepository(other.prisma).purge(cutoffs, budget),
  ])
  const { complete: _, ...perCopy } = expectedReport
  for (const [key, count] of Object.entries(perCopy)) {
    const table = key as keyof typeof perCopy
    t.equal(reports[0][table] + reports[1][table], count * copies, `${key}: each row deleted by one of them`)
  }
  const rest = await remaining(db.prisma)
  t.equal(rest.sessions.length, expectedRemaining.sessions.length * copies)
  t.equal(rest.tokens, expectedRemaining.tokens * copies)
  t.equal(rest.events.length, expectedRemaining.events.length * copies)
  t.equal(rest.orphans, 0)
})

t.test('a row changed after it was found stays: a code replaced, a throttle window restarted, a lock used', async (t) => {
  const prisma = await freshDatabase(t)
  await seed(prisma)
  // The repository reads the keys, then deletes them testing the condition again; a write in between must win.
  const repository = createHousekeepingRepository(
    new Proxy(prisma, {
      get(target, property, receiver) {
        const model = Reflect.get(target, property, receiver) as Record<string, unknown>
        if (property !== 'authOtpCode' && property !== 'authSignInThrottle' && property !== 'authLimitLock') return model
        return new Proxy(model, {
          get(modelTarget, method) {
            const original = Reflect.get(modelTarget, method) as (...args: unknown[]) => Promise<unknown>
            if (method !== 'findMany') return typeof original === 'function' ? original.bind(modelTarget) : original
            return async (...args: unknown[]) => {
              const found = await original.apply(modelTarget, args)
              if (property === 'authOtpCode') {
                await prisma.authOtpCode.updateMany({ data: { issuedAt: NOW, expiresAt: later(5 * MINUTE_MS) } })
              } else if (property === 'authSignInThrottle') {
                await prisma.authSignInThrottle.updateMany({ data: { windowStartedAt: NOW, lockedUntil: null } })
              } else {
                await prisma.authLimitLock.updateMany({ data: { lastUsedAt: NOW } })
              }
              return found
            }
          },
        })
      },
    }),
  )
  const report = await repository.purge(cutoffs, policyBudget)
  t.equal(report.otpChallenges, 0)
  t.equal(report.signInThrottles, 0)
  t.equal(report.limitLocks, 0)
  const rest = await remaining(prisma)
  t.equal(rest.challenges.length, fixture.challenges.length)
  t.equal(rest.throttles.length, fixture.throttles.length)
  t.equal(rest.locks.length, fixture.locks.length)
})
