import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import {
  createTestDatabase,
  sweepOrphanedTestDatabases,
  TEST_DATABASE_HOST_PREFIX,
  testDatabaseLockName,
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
    t.match(first.name, new RegExp(`^${TEST_DATABASE_HOST_PREFIX}${process.pid}_[0-9a-f]{8}$`))
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
      `${TEST_DATABASE_HOST_PREFIX.replaceAll('_', '\\_')}${process.pid}\\_%`,
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

const holderScript = fileURLToPath(new URL('./lock-holder.ts', import.meta.url))

/** Starts lock-holder.ts in its own process and resolves with the database name it printed. */
async function startHolder(t: Test, args: string[]): Promise<{ name: string; child: ChildProcess; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', holderScript, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }
  t.teardown(kill)
  const name = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('\n')) resolve(out.trim())
    })
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code} before printing a name`)))
  })
  return { name, child, kill }
}

async function lockIsFree(observer: Awaited<ReturnType<typeof rawConnection>>, name: string): Promise<boolean> {
  const [row] = await observer.query('SELECT IS_FREE_LOCK(?) AS free', [testDatabaseLockName(name)])
  return Number(row.free) === 1
}

t.test('a database whose lock another live process holds is never swept, whatever its name says; once the holder dies it is', async (t) => {
  const observer = await rawConnection(t, testServerUrl())
  // This machine's tag and a PID far above Linux's pid_max: to a hostname and PID check its owner is dead, yet it
  // is alive (a process in another PID namespace, or on another machine with the same hostname).
  const foreign = `${TEST_DATABASE_HOST_PREFIX}4999999_${Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, '0')}`
  t.teardown(() => observer.query(`DROP DATABASE IF EXISTS \`${foreign}\``))
  const rawHolder = await startHolder(t, ['raw', foreign])
  const helperHolder = await startHolder(t, ['helper'])
  t.teardown(() => observer.query(`DROP DATABASE IF EXISTS \`${helperHolder.name}\``))
  t.equal(rawHolder.name, foreign)
  t.notOk(await lockIsFree(observer, helperHolder.name), 'createTestDatabase holds the lock of its database')

  const firstSweep = await sweepOrphanedTestDatabases(testServerUrl())
  t.notOk(firstSweep.includes(foreign), 'the live foreign database is not swept')
  t.notOk(firstSweep.includes(helperHolder.name), 'nor the live helper database')
  t.ok(await databaseExists(observer, foreign))
  t.ok(await databaseExists(observer, helperHolder.name))

  // A killed process runs no teardown; the server frees its locks when its connection closes.
  await rawHolder.kill()
  await helperHolder.kill()
  for (let attempt = 0; attempt < 50 && !((await lockIsFree(observer, foreign)) && (await lockIsFree(observer, helperHolder.name))); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const secondSweep = await sweepOrphanedTestDatabases(testServerUrl())
  t.ok(secondSweep.includes(foreign), 'swept once its holder died')
  t.ok(secondSweep.includes(helperHolder.name), 'the helper database too')
  t.notOk(await databaseExists(observer, foreign))
  t.notOk(await databaseExists(observer, helperHolder.name))
})

t.test('only names of the helper\'s own form are swept, and a database is released and dropped at teardown', async (t) => {
  const observer = await rawConnection(t, testServerUrl())
  const handMade = 'tl_keep_me'
  await observer.query(`CREATE DATABASE IF NOT EXISTS \`${handMade}\``)
  t.teardown(() => observer.query(`DROP DATABASE IF EXISTS \`${handMade}\``))
  t.notOk((await sweepOrphanedTestDatabases(testServerUrl())).includes(handMade))
  t.ok(await databaseExists(observer, handMade), 'a database someone made by hand stays, lock or not')

  const teardowns: Array<() => unknown> = []
  const { name } = await createTestDatabase({ teardown: (fn) => void teardowns.push(fn) }, { migrationsDir: false })
  t.notOk(await lockIsFree(observer, name), 'held while the test runs')
  for (const fn of teardowns) await fn()
  t.ok(await lockIsFree(observer, name), 'released at teardown')
  t.notOk(await databaseExists(observer, name), 'and dropped')
  t.ok(testDatabaseLockName(name).length <= 64, 'the lock name fits MySQL\'s 64 characters')
})
