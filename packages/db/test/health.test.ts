import { createServer, type Socket } from 'node:net'
import t from 'tap'
import { createDb, parseDbConfig } from '../src/index.js'
import { createTestDatabase } from '../src/testing/index.js'
import { memoryLogger } from './helpers.js'

t.test('a reachable database answers with its latency', async (t) => {
  const { db } = await createTestDatabase(t, { connect: true })
  // The first query also opens the pool, which can take a second on a busy machine.
  const health = await db.healthCheck(10000)
  t.equal(health.ok, true)
  t.ok(health.ok && health.latencyMs >= 0)
})

t.test('a refused port resolves not-ok instead of waiting for the pool, and disconnect does not wait either', async (t) => {
  const db = createDb(
    parseDbConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/nothing', DB_ACQUIRE_TIMEOUT_MS: '600000' }),
    memoryLogger().logger,
  )
  // Whichever comes first: the check's own timeout or the breaker the probe opened on the refused connection.
  t.match(await db.healthCheck(300), { ok: false, error: /^database did not answer within 300 ms$|breaker open: connect ECONNREFUSED/ })
  // With a ten-minute acquire timeout, a disconnect that waited for the pending connect would time the test out.
  await db.disconnect()
})

t.test('when the pool gives up first, the driver error is reported and logged without credentials', async (t) => {
  const { entries, logger } = memoryLogger()
  const db = createDb(
    // Without the breaker, which would answer before the pool gives up.
    parseDbConfig({ DATABASE_URL: 'mysql://app:hunter2@127.0.0.1:1/nothing', DB_ACQUIRE_TIMEOUT_MS: '200', DB_BREAKER_PROBE_INTERVAL_MS: '0' }),
    logger,
  )
  t.teardown(() => db.disconnect())
  const health = await db.healthCheck(30000)
  t.equal(health.ok, false)
  t.match(health, { error: /^\(conn:-1, no: 45028, SQLState: HY000\) pool timeout: .* \(connect ECONNREFUSED 127\.0\.0\.1:1\)$/ })
  t.match(entries, [{ msg: 'database pool opened' }])
  t.ok(entries.some((entry) => entry.msg === 'database connection failed'), 'the refused connection is logged')
  t.notMatch(JSON.stringify(entries), 'hunter2', 'credentials never reach the log')
})

t.test('a server that accepts connections but never speaks cannot hang the check', async (t) => {
  const sockets = new Set<Socket>()
  const blackhole = createServer((socket) => sockets.add(socket))
  await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve))
  t.teardown(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => blackhole.close(resolve))
  })
  const { port } = blackhole.address() as { port: number }
  const db = createDb(
    parseDbConfig({ DATABASE_URL: `mysql://root@127.0.0.1:${port}/x`, DB_CONNECT_TIMEOUT_MS: '500', DB_ACQUIRE_TIMEOUT_MS: '800' }),
    memoryLogger().logger,
  )
  t.teardown(() => db.disconnect())
  t.same(await db.healthCheck(150), { ok: false, error: 'database did not answer within 150 ms' })
  t.ok(sockets.size > 0, 'the driver did connect and was left waiting for a handshake')
  // The abandoned query fails later, after its acquire timeout; that must not surface as an unhandled rejection.
  await new Promise((resolve) => setTimeout(resolve, 1000))
})

t.test('an exhausted pool reports not-ok until a connection is free again', async (t) => {
  const { url } = await createTestDatabase(t)
  const db = createDb(parseDbConfig({ DATABASE_URL: url, DB_POOL_SIZE: '1' }), memoryLogger().logger)
  t.teardown(() => db.disconnect())

  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let holding!: () => void
  const held = new Promise<void>((resolve) => (holding = resolve))
  const transaction = db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1`
    holding()
    await released
  }, { timeout: 30000 })
  await held

  t.same(await db.healthCheck(200), { ok: false, error: 'database did not answer within 200 ms' })
  release()
  await transaction
  t.equal((await db.healthCheck(5000)).ok, true)
})
