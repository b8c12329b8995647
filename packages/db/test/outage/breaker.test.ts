import t, { type Test } from 'tap'
import { createDb, isDatabaseUnavailable, parseDbConfig } from '../../src/index.js'
import { memoryLogger } from '../helpers.js'
import { relayedTestDatabase } from './relay.js'

const until = async (condition: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

/** How long one query takes to settle, and how. */
async function timed(work: Promise<unknown>) {
  const started = performance.now()
  try {
    await work
    return { ok: true as const, ms: performance.now() - started }
  } catch (error) {
    return { ok: false as const, ms: performance.now() - started, error }
  }
}

async function throughRelay(t: Test, env: Record<string, string> = {}) {
  const { relay, url: viaRelay } = await relayedTestDatabase(t)
  const { entries, logger } = memoryLogger()
  // The default ten-second acquire timeout stays: the breaker, not a shorter pool wait, must make answers quick.
  const db = createDb(parseDbConfig({ DATABASE_URL: viaRelay, ...env }), logger)
  t.teardown(() => db.disconnect())
  t.equal((await timed(db.prisma.$queryRaw`SELECT 1`)).ok, true, 'answers through the relay')
  return { db, relay, entries }
}

t.test('relay killed: queries fail as unavailable within a second, and succeed again once it is back', async (t) => {
  const { db, relay, entries } = await throughRelay(t)
  await relay.kill()
  t.ok(await until(() => db.breaker.isOpen, 1000), 'the probe opens the breaker within a second')
  // The first failure also loads Prisma's error formatting (about half a second here); the rest take milliseconds.
  const during = await Promise.all(Array.from({ length: 20 }, () => timed(db.prisma.$queryRaw`SELECT 1`)))
  for (const result of during) {
    t.equal(result.ok, false)
    t.ok(result.ms < 1500, `failed within about a second, not the 10 s acquire timeout (${Math.round(result.ms)} ms)`)
    t.ok(!result.ok && isDatabaseUnavailable(result.error), 'as unavailable (503), not as a bug (500)')
  }
  t.ok(entries.some((entry) => entry.level === 'error' && entry.msg === 'database does not answer; breaker open'))

  await relay.restart()
  t.ok(await until(() => !db.breaker.isOpen, 3000), 'the probe closes the breaker by itself')
  t.equal((await timed(db.prisma.$queryRaw`SELECT 1`)).ok, true, 'queries succeed again without a restart')
  t.ok(entries.some((entry) => entry.msg === 'database answers again; breaker closed'))
})

t.test('relay frozen: a query in flight and queries waiting for a connection end within the probe window', async (t) => {
  const { db, relay } = await throughRelay(t, { DB_POOL_SIZE: '2' })
  relay.freeze()
  t.teardown(relay.thaw)
  const started = performance.now()
  const results = await Promise.all(Array.from({ length: 6 }, () => timed(db.prisma.$queryRaw`SELECT SLEEP(0.05)`)))
  const elapsed = performance.now() - started
  for (const result of results) {
    t.equal(result.ok, false)
    t.ok(!result.ok && isDatabaseUnavailable(result.error), 'as unavailable')
  }
  // Probe timeout (1000 ms) after at most one probe interval (500 ms), plus scheduling on a busy machine.
  t.ok(elapsed < 3000, `all settled within ${Math.round(elapsed)} ms`)
  t.equal(db.breaker.isOpen, true)

  relay.thaw()
  t.ok(await until(() => !db.breaker.isOpen, 3000), 'closed again once the relay runs')
  t.equal((await timed(db.prisma.$queryRaw`SELECT 1`)).ok, true, 'and serving')
})

t.test('the watchdog ends a statement that gets no answer, while the breaker stays closed', async (t) => {
  // No server-side limit and no probe: only the watchdog can end the wait.
  const { db } = await throughRelay(t, { DB_QUERY_TIMEOUT_MS: '0', DB_QUERY_WATCHDOG_MS: '600', DB_BREAKER_PROBE_INTERVAL_MS: '0' })
  const slow = await timed(db.prisma.$queryRaw`SELECT SLEEP(3)`)
  t.equal(slow.ok, false)
  t.ok(slow.ms >= 550 && slow.ms < 1500, `ended after ${Math.round(slow.ms)} ms`)
  t.ok(!slow.ok && isDatabaseUnavailable(slow.error), 'as unavailable')
  t.match(String(!slow.ok && slow.error), /did not answer within 600 ms/)
  t.equal((await timed(db.prisma.$queryRaw`SELECT 1`)).ok, true, 'the pool serves on')
})

t.test('transactions run under the watchdog too', async (t) => {
  const { db } = await throughRelay(t, { DB_QUERY_TIMEOUT_MS: '0', DB_QUERY_WATCHDOG_MS: '600', DB_BREAKER_PROBE_INTERVAL_MS: '0' })
  const started = performance.now()
  const result = await timed(db.prisma.$transaction(async (tx) => tx.$queryRaw`SELECT SLEEP(3)`, { timeout: 10000 }))
  t.equal(result.ok, false)
  t.ok(performance.now() - started < 1500, 'ended by the watchdog, not by SLEEP or the transaction timeout')
  t.equal((await timed(db.prisma.$queryRaw`SELECT 1`)).ok, true)
})
