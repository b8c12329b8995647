import t from 'tap'
import {
  createTestDatabase,
  sweepOrphanedTestDatabases,
  TEST_DATABASE_PREFIX,
  testServerUrl,
} from '../../src/testing/index.js'
import { rawConnection } from '../helpers.js'

async function databaseExists(observer: Awaited<ReturnType<typeof rawConnection>>, name: string): Promise<boolean> {
  const rows = await observer.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', [name])
  return rows.length === 1
}

t.test('parallel test databases are isolated, fully migrated and dropped at teardown', async (t) => {
  const observer = await rawConnection(t, testServerUrl())
  const names: string[] = []

  await t.test('two databases at once', async (t) => {
    const [first, second] = await Promise.all([
      createTestDatabase(t, { connect: true }),
      createTestDatabase(t, { connect: true }),
    ])
    names.push(first.name, second.name)
    t.not(first.name, second.name)
    t.match(first.name, new RegExp(`^${TEST_DATABASE_PREFIX}${process.pid}_[0-9a-f]{8}$`))
    t.equal(new URL(first.url).pathname, `/${first.name}`)

    await first.db.prisma.customer.create({ data: { firstName: 'Only', lastName: 'First' } })
    t.equal(await first.db.prisma.customer.count(), 1)
    t.equal(await second.db.prisma.customer.count(), 0, 'rows written in one are invisible in the other')

    const applied = await second.db.prisma.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`
    t.ok(applied.some((row) => row.migration_name === '0_init'), 'the repository migrations were applied')
    t.ok(await databaseExists(observer, first.name))
  })

  t.equal(names.length, 2)
  for (const name of names) t.notOk(await databaseExists(observer, name), `${name} was dropped`)
})

t.test('the database is dropped even when migrating it fails', async (t) => {
  const observer = await rawConnection(t, testServerUrl())
  const mine = async (): Promise<string[]> =>
    (await observer.query('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?', [
      `${TEST_DATABASE_PREFIX.replaceAll('_', '\\_')}${process.pid}\\_%`,
    ])).map((row: { name: string }) => row.name)
  const before = await mine()
  const broken = t.testdir({ '0_init': { 'migration.sql': 'CREATE TABLE oops (' } })
  // A stand-in for tap's Test, so the teardown can be run and checked inside this test.
  const teardowns: Array<() => unknown> = []
  await t.rejects(createTestDatabase({ teardown: (fn) => void teardowns.push(fn) }, { migrationsDir: broken }), { code: 'P3018' })

  const created = (await mine()).filter((name) => !before.includes(name))
  t.equal(created.length, 1, 'the database existed while the test ran')
  for (const fn of teardowns) await fn()
  t.same((await mine()).filter((name) => !before.includes(name)), [], 'and was dropped at teardown')
})

t.test('the server comes from TEST_DATABASE_URL before DATABASE_URL, whatever database they name', async (t) => {
  const viaTestUrl = await createTestDatabase(t, {
    migrationsDir: false,
    env: { TEST_DATABASE_URL: 'mysql://root@127.0.0.1:3306/ignored', DATABASE_URL: 'mysql://root@127.0.0.1:1/x' },
  })
  t.equal(new URL(viaTestUrl.url).port, '3306')
  const viaDatabaseUrl = createTestDatabase(t, { migrationsDir: false, env: { DATABASE_URL: 'mysql://root@127.0.0.1:1/x' } })
  await t.rejects(viaDatabaseUrl, /ECONNREFUSED/)
})

t.test('databases left by a dead test process are swept; live ones and other machines\' are kept', async (t) => {
  const observer = await rawConnection(t, testServerUrl())
  // A pid far above Linux's pid_max cannot belong to a live process.
  const orphan = `${TEST_DATABASE_PREFIX}4999999_deadbeef`
  const live = `${TEST_DATABASE_PREFIX}${process.pid}_sweeptest`
  const otherHost = `t_zzzzzz_4999999_deadbeef`
  for (const name of [orphan, live, otherHost]) await observer.query(`CREATE DATABASE \`${name}\``)
  t.teardown(async () => {
    for (const name of [live, otherHost]) await observer.query(`DROP DATABASE IF EXISTS \`${name}\``)
  })
  const dropped = await sweepOrphanedTestDatabases(testServerUrl())
  t.ok(dropped.includes(orphan))
  t.notOk(await databaseExists(observer, orphan), 'the orphan is gone')
  t.ok(await databaseExists(observer, live), 'a database of a live process stays')
  t.ok(await databaseExists(observer, otherHost), 'another machine\'s database stays')
})
