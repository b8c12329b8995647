import { createPool } from 'mariadb'
import t from 'tap'
import { createDb, type DbMetrics, type DbPoolCounts, parseDatabaseUrl, parseDbConfig, queryOperation, type QueryOperation } from '../src/index.js'
import { replicaPoolTracker, withFallbackMetrics } from '../src/metrics.js'
import { createTestDatabase } from '../src/testing/index.js'
import { memoryLogger } from './helpers.js'

/** A sink that keeps what it is told, as a metrics registry would. */
function recordingMetrics() {
  const pools = new Map<string, () => DbPoolCounts>()
  const queries: { operation: QueryOperation; seconds: number }[] = []
  const metrics: DbMetrics = {
    trackPool: (name, read) => void pools.set(name, read),
    observeQuery: (operation, seconds) => void queries.push({ operation, seconds }),
    replicaFallback: () => {},
  }
  return { metrics, pools, queries }
}

t.test('the SQL verb is the operation, from a fixed set', async (t) => {
  t.equal(queryOperation('SELECT `db`.`customers`.`Customer_ID` FROM `db`.`customers` WHERE 1'), 'SELECT')
  t.equal(queryOperation('  insert into t values (1)'), 'INSERT')
  t.equal(queryOperation('UPDATE t SET a = 1'), 'UPDATE')
  t.equal(queryOperation('DELETE FROM t'), 'DELETE')
  t.equal(queryOperation('BEGIN'), 'BEGIN')
  t.equal(queryOperation('START TRANSACTION'), 'BEGIN')
  t.equal(queryOperation('COMMIT'), 'COMMIT')
  t.equal(queryOperation('-- Implicit "COMMIT" query via underlying driver'), 'COMMIT', 'as Prisma reports it')
  t.equal(queryOperation('ROLLBACK'), 'ROLLBACK')
  t.equal(queryOperation('SET SESSION max_statement_time=5'), 'SET')
  t.equal(queryOperation('SELECTED_ROWS'), 'OTHER', 'a longer word is not the verb')
  t.equal(queryOperation('SHOW REPLICA STATUS'), 'OTHER')
  t.equal(queryOperation(''), 'OTHER')
})

t.test('a database built with a metrics sink reports its pool and every statement by operation', async (t) => {
  const { url } = await createTestDatabase(t)
  const { metrics, pools, queries } = recordingMetrics()
  const db = createDb(parseDbConfig({ DATABASE_URL: url, DB_POOL_SIZE: '1' }), memoryLogger().logger, { metrics })
  t.teardown(() => db.disconnect())

  await db.prisma.customer.create({ data: { firstName: 'Lina', lastName: 'Haddad', email: 'lina@example.com' } })
  await db.prisma.customer.findMany({ where: { email: 'lina@example.com' } })
  const operations = new Set(queries.map((query) => query.operation))
  t.ok(operations.has('INSERT'), 'the create counted as INSERT')
  t.ok(operations.has('SELECT'), 'the read counted as SELECT')
  t.ok(queries.every((query) => query.seconds >= 0 && query.seconds < 10), 'durations are in seconds')

  const read = pools.get('primary')
  t.ok(read, 'the primary pool is tracked once it opens')
  t.match(read?.(), { active: 0, idle: 1, waiting: 0 }, 'between queries the one connection is idle')

  // A transaction holds the only connection; a second statement then waits for it.
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  let inside: () => void = () => {}
  const entered = new Promise<void>((resolve) => (inside = resolve))
  const transaction = db.prisma.$transaction(async (tx) => {
    await tx.customer.count()
    inside()
    await held
  })
  await entered
  // Prisma sends a query only once it is awaited or `then` is called.
  const queued = db.prisma.customer.count().then((count) => count)
  for (let i = 0; i < 50 && (read?.().waiting ?? 0) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
  t.match(read?.(), { active: 1, idle: 0, waiting: 1 }, 'a busy pool shows the connection in use and the waiting query')
  release()
  await transaction
  t.equal(await queued, 1)
  t.ok(queries.some((query) => query.operation === 'COMMIT'), 'the transaction\'s commit counted as COMMIT')
})

t.test('replica fallbacks are counted by reason, and the replicas\' pools are summed as one', async (t) => {
  const { url } = await createTestDatabase(t)
  const { metrics, pools } = recordingMetrics()
  const reasons: string[] = []
  const seen: string[] = []
  const hooks = withFallbackMetrics(
    { onReplicaFallback: (event) => void seen.push(event.reason) },
    { ...metrics, replicaFallback: (reason) => void reasons.push(reason) },
  )
  hooks.onReplicaFallback?.({ reason: 'no-usable-replica' })
  hooks.onReplicaFallback?.({ reason: 'replica-failed', replica: '127.0.0.1:3307' })
  t.same(reasons, ['no-usable-replica', 'replica-failed'], 'counted by reason, never by host')
  t.same(seen, ['no-usable-replica', 'replica-failed'], "the caller's own hook still runs")

  const options = { ...parseDatabaseUrl(url), connectionLimit: 2 }
  const first = createPool(options)
  const second = createPool(options)
  const tracker = replicaPoolTracker(metrics)
  tracker.add(first)
  tracker.add(second)
  const held = await first.getConnection()
  await second.query('SELECT 1')
  t.match(pools.get('replica')?.(), { active: 1, waiting: 0 }, 'one connection in use across both pools')
  await held.release()
  await first.end()
  t.match(pools.get('replica')?.(), { active: 0 }, 'a closed pool drops out')
  await second.end()
})
