import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { createDb, parseDbConfig, Prisma, type PrismaClient, type ReplicaFallback, type ReplicaState, type RowReader } from '../src/index.js'
import { isReplicaSafe, replicaVerdict, ReplicaUnusable } from '../src/replicas.js'
import { startReplicationPair } from '../src/testing/index.js'
import { memoryLogger } from './helpers.js'

// Two private servers start, migrate and replicate here: allow a loaded 2-core machine far more than the usual 120 s.
t.setTimeout(360_000)

t.test('SHOW REPLICA STATUS as MariaDB 10.11 and MySQL 8.4 name it', async (t) => {
  const mariadb = { Slave_IO_Running: 'Yes', Slave_SQL_Running: 'Yes', Seconds_Behind_Master: 3n }
  const mysql = { Replica_IO_Running: 'Yes', Replica_SQL_Running: 'Yes', Seconds_Behind_Source: 3 }
  for (const row of [mariadb, mysql]) {
    t.same(replicaVerdict([row], 5), { lagSeconds: 3 })
    t.match(replicaVerdict([row], 2), { state: 'lagging', lagSeconds: 3, message: '3 s behind the primary (bound 2 s)' })
  }
  const stoppedApplier = replicaVerdict([{ ...mysql, Replica_SQL_Running: 'No', Seconds_Behind_Source: null }], 5)
  t.ok(stoppedApplier instanceof ReplicaUnusable)
  t.match(stoppedApplier, { state: 'stopped', lagSeconds: null })
  t.match(replicaVerdict([{ ...mariadb, Slave_IO_Running: 'Connecting' }], 5), { state: 'stopped' }, 'cut off from the primary')
  t.match(replicaVerdict([], 5), { state: 'stopped', message: /not a replica/ })
  t.match(replicaVerdict([mariadb, { ...mariadb, Seconds_Behind_Master: 9 }], 5), { state: 'lagging', lagSeconds: 9 }, 'the furthest source counts')
})

t.test('only lock-free SELECTs may go to a replica', async (t) => {
  t.ok(isReplicaSafe({ sql: 'SELECT `x`.`consultants`.`Consultant_ID` FROM `x`.`consultants` WHERE 1' }))
  t.ok(isReplicaSafe('  /* hint */ select 1'))
  for (const sql of ['SELECT 1 FOR UPDATE', 'SELECT 1 LOCK IN SHARE MODE', 'select 1 for share', 'UPDATE t SET a = 1', 'INSERT INTO t SELECT 1', 'WITH a AS (SELECT 1) DELETE FROM t']) {
    t.notOk(isReplicaSafe({ sql }), sql)
  }
  t.notOk(isReplicaSafe(undefined))
})

t.test('DATABASE_REPLICA_URLS is a comma list of mysql:// URLs, validated like DATABASE_URL', async (t) => {
  t.equal(parseDbConfig({}).DATABASE_REPLICA_URLS, '')
  const two = 'mysql://app:secret@replica-1:3306/consultation, mariadb://app:secret@replica-2/consultation'
  t.equal(parseDbConfig({ DATABASE_REPLICA_URLS: two }).DATABASE_REPLICA_URLS, two)
  t.throws(() => parseDbConfig({ DATABASE_REPLICA_URLS: 'postgres://replica/x' }))
  t.throws(() => parseDbConfig({ DATABASE_REPLICA_URLS: 'mysql://a/x,,mysql://b/x' }))
  t.throws(() => parseDbConfig({ DATABASE_REPLICA_URLS: 'mysql://app:secret@[bad/x' }), {
    message: 'DATABASE_REPLICA_URLS: entry 1 is not a mysql:// or mariadb:// URL',
  })
  t.throws(() => parseDbConfig({ DB_REPLICA_CHECK_INTERVAL_MS: '0' }))
  t.throws(() => parseDbConfig({ DB_REPLICA_MAX_LAG_SECONDS: '-1' }))
})

t.test('without replicas, the read client is the primary client', async (t) => {
  const db = createDb(parseDbConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/none', DB_BREAKER_PROBE_INTERVAL_MS: '0' }), memoryLogger().logger)
  t.teardown(() => db.disconnect())
  t.equal(db.read, db.prisma)
  t.equal(db.readRows, db.rows, 'and the driver reads are the primary\'s')
  t.same(db.replicaStatus(), [])
})

t.test('with real replication between two private servers', async (t) => {
  const pair = await startReplicationPair(t)
  const { entries, logger } = memoryLogger()
  const fallbacks: ReplicaFallback[] = []
  const db = createDb(
    parseDbConfig({
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URLS: pair.replicaUrl,
      DB_REPLICA_CHECK_INTERVAL_MS: '200',
      DB_REPLICA_MAX_LAG_SECONDS: '2',
      // Generous for a loaded machine: a probe that misses its deadline would open the primary's breaker.
      DB_BREAKER_PROBE_TIMEOUT_MS: '10000',
      DB_QUERY_TIMEOUT_MS: '20000',
      DB_QUERY_WATCHDOG_MS: '30000',
    }),
    logger,
    { onReplicaFallback: (event) => fallbacks.push(event) },
  )
  t.teardown(() => db.disconnect())
  const [primaryId, replicaId] = [1, 2]
  const serverOf = async (client: PrismaClient) =>
    Number((await client.$queryRaw<Array<{ id: bigint }>>`SELECT @@server_id AS id`)[0]?.id)
  const serverOfRows = async (rows: RowReader, suffix = Prisma.empty) =>
    Number((await rows<{ id: bigint }>(Prisma.sql`SELECT @@server_id AS id ${suffix}`))[0]?.id)
  const stateIs = (state: ReplicaState) => waitFor(`replica ${state}`, () => db.replicaStatus()[0]?.state === state)

  t.match(db.replicaStatus(), [{ name: pair.replicaUrl.replace(/^mysql:\/\/root@|\/replicated$/g, ''), state: 'unchecked' }])
  db.startReplicaChecks()
  await stateIs('ok')

  // Reads keep going through everything below, by the read client and by the driver reads in turn; not one of them
  // may fail.
  const answeredBy: number[] = []
  const failures: unknown[] = []
  let reading = true
  const reader = (async () => {
    for (let turn = 0; reading; turn += 1) {
      try {
        answeredBy.push(await (turn % 2 === 0 ? serverOf(db.read) : serverOfRows(db.readRows)))
      } catch (error) {
        failures.push(error)
      }
      await sleep(10)
    }
  })()
  t.teardown(async () => {
    reading = false
    await reader
  })
  const seenSince = (from: number) => new Set(answeredBy.slice(from))

  await t.test('reads reach the replica; writes, transactions and the primary client stay on the primary', async (t) => {
    for (let i = 0; i < 5; i += 1) t.equal(await serverOf(db.read), replicaId)
    for (let i = 0; i < 5; i += 1) t.equal(await serverOfRows(db.readRows), replicaId, 'driver reads too')
    t.equal(await serverOf(db.prisma), primaryId)
    t.equal(await serverOfRows(db.rows), primaryId, 'the primary\'s driver reads')
    t.equal(await serverOfRows(db.readRows, Prisma.sql`FOR UPDATE`), primaryId, 'a locking driver read')
    t.equal(await db.read.$transaction(async (tx) => serverOf(tx as unknown as PrismaClient)), primaryId, 'a transaction')
    t.equal(await db.read.$queryRaw<Array<{ id: bigint }>>`SELECT @@server_id AS id FOR UPDATE`.then((rows) => Number(rows[0]?.id)), primaryId, 'a locking read')
    const category = await db.read.consultationCategory.create({ data: { nameAr: 'أ', nameEn: 'Written through read' } })
    t.ok(await db.prisma.consultationCategory.findUnique({ where: { categoryId: category.categoryId } }), 'a write lands on the primary')
    await pair.caughtUp()
    t.equal((await db.read.consultationCategory.findUnique({ where: { categoryId: category.categoryId } }))?.nameEn, 'Written through read')
  })

  await t.test('a write is read back at once through the primary client', async (t) => {
    for (let i = 0; i < 20; i += 1) {
      const created = await db.prisma.consultationCategory.create({ data: { nameAr: 'ب', nameEn: `own write ${i}` } })
      t.equal((await db.prisma.consultationCategory.findUnique({ where: { categoryId: created.categoryId } }))?.nameEn, `own write ${i}`)
    }
  })

  await t.test('a stopped replica SQL thread: the replica is skipped until it applies again', async (t) => {
    await pair.onReplica('STOP SLAVE SQL_THREAD')
    const written = await db.prisma.consultationCategory.create({ data: { nameAr: 'ج', nameEn: 'while stopped' } })
    await stateIs('stopped')
    const from = answeredBy.length
    t.equal(await serverOf(db.read), primaryId)
    t.equal(await serverOfRows(db.readRows), primaryId)
    t.ok(await db.read.consultationCategory.findUnique({ where: { categoryId: written.categoryId } }), 'the read sees the write')
    t.ok(fallbacks.some((event) => event.reason === 'no-usable-replica'))
    await pair.onReplica('START SLAVE SQL_THREAD')
    await stateIs('ok')
    await waitFor('a read on the replica again', async () => (await serverOf(db.read)) === replicaId)
    t.ok(await db.read.consultationCategory.findUnique({ where: { categoryId: written.categoryId } }), 'the replica has applied it')
    t.ok(seenSince(from).has(primaryId), 'the background reads fell back meanwhile')
  })

  await t.test('a replica further behind than DB_REPLICA_MAX_LAG_SECONDS is skipped, and used once it catches up', async (t) => {
    await pair.onReplica('STOP SLAVE')
    await pair.onReplica('CHANGE MASTER TO MASTER_DELAY = 3600')
    await pair.onReplica('START SLAVE')
    await db.prisma.consultationCategory.create({ data: { nameAr: 'د', nameEn: 'delayed' } })
    await waitFor('replica lagging', () => db.replicaStatus()[0]?.state === 'lagging')
    t.match(db.replicaStatus(), [{ state: 'lagging', lagSeconds: Number }])
    t.ok((db.replicaStatus()[0]?.lagSeconds ?? 0) > 2, 'further behind than the bound')
    t.equal(await serverOf(db.read), primaryId)
    await pair.onReplica('STOP SLAVE')
    await pair.onReplica('CHANGE MASTER TO MASTER_DELAY = 0')
    await pair.onReplica('START SLAVE')
    await stateIs('ok')
    await waitFor('a read on the replica again', async () => (await serverOf(db.read)) === replicaId)
  })

  await t.test('a killed replica: a read in flight on it runs again on the primary; reads then skip it until it is back', async (t) => {
    await waitFor('a read on the replica', async () => (await serverOf(db.read)) === replicaId)
    const slow = db.read.$queryRaw<Array<{ id: bigint }>>`SELECT SLEEP(3) AS slept, @@server_id AS id`
    const slowRows = db.readRows<{ id: bigint }>(Prisma.sql`SELECT SLEEP(3) AS slept, @@server_id AS id`)
    await sleep(500)
    const fallbacksBefore = fallbacks.length
    await pair.killReplica()
    t.equal(Number((await slow)[0]?.id), primaryId, 'the read that lost its replica was answered by the primary')
    t.equal(Number((await slowRows)[0]?.id), primaryId, 'so was the driver read')
    t.ok(fallbacks.slice(fallbacksBefore).some((event) => event.reason === 'replica-failed'), 'and counted as a fallback')
    await stateIs('down')
    const from = answeredBy.length
    t.equal(await serverOf(db.read), primaryId)
    await pair.restartReplica()
    await stateIs('ok')
    await waitFor('a read on the replica again', async () => (await serverOf(db.read)) === replicaId)
    t.ok(seenSince(from).has(primaryId))
    await pair.caughtUp()
  })

  reading = false
  await reader
  t.same(failures, [], 'no read failed in any of it')
  t.ok(new Set(answeredBy).has(replicaId) && new Set(answeredBy).has(primaryId))
  t.ok(entries.some((entry) => entry.msg === 'read replica skipped; its reads go to the primary' && entry.obj.state === 'down'))
  t.notMatch(JSON.stringify(entries), /root@/, 'no URL in the log')
})

/** Polls `check` until it holds; a loaded machine may take many seconds, so only a long silence fails. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`)
    await sleep(50)
  }
}
