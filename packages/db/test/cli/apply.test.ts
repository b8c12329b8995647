import t from 'tap'
import { runApply } from '../../src/cli/apply.js'
import { withDatabase } from '../../src/config.js'
import { repoMigrationsDir, testServerUrl } from '../../src/testing/index.js'
import { memoryLogger, rawConnection } from '../helpers.js'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, stdout: (text: string) => void out.push(text), stderr: (text: string) => void err.push(text) }
}

t.test('creates the missing database with the schema engine charset, applies the repo migrations, then is idempotent', async (t) => {
  const name = `t_${process.pid}_cli`
  const server = await rawConnection(t, testServerUrl())
  t.teardown(() => server.query(`DROP DATABASE IF EXISTS ${name}`))
  const env = { DATABASE_URL: withDatabase(testServerUrl(), name) }

  const first = capture()
  t.equal(await runApply([], { env, ...first, logger: memoryLogger().logger }), 0, first.err.join('\n'))
  t.match(first.out, [`db:apply: created database ${name}`, /applied 0_init/])
  const [schema] = await server.query(
    'SELECT default_character_set_name AS charset, default_collation_name AS collation FROM information_schema.schemata WHERE schema_name = ?',
    [name],
  )
  t.same(schema, { charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' })
  const [{ count }] = await server.query(`SELECT COUNT(*) AS count FROM ${name}._prisma_migrations WHERE finished_at IS NOT NULL`)
  t.ok(Number(count) >= 1)

  const second = capture()
  t.equal(await runApply(['--dir', repoMigrationsDir], { env, ...second, logger: memoryLogger().logger }), 0)
  t.match(second.out, [/is up to date/])
})

t.test('reports refusals and usage errors with distinct exit codes', async (t) => {
  const name = `t_${process.pid}_cli_legacy`
  const server = await rawConnection(t, testServerUrl())
  await server.query(`CREATE DATABASE ${name}`)
  t.teardown(() => server.query(`DROP DATABASE IF EXISTS ${name}`))
  await server.query(`CREATE TABLE ${name}.customers (Customer_ID INT PRIMARY KEY)`)

  const refused = capture()
  t.equal(await runApply([], { env: { DATABASE_URL: withDatabase(testServerUrl(), name) }, ...refused }), 1)
  t.match(refused.err, [/P3005.*prisma migrate resolve --applied 0_init/s])

  const usage = capture()
  t.equal(await runApply(['--bogus'], { env: {}, ...usage }), 2)
  t.match(usage.err, [/Usage: pnpm db:apply/])
  const noDatabase = capture()
  t.equal(await runApply([], { env: { DATABASE_URL: testServerUrl() }, ...noDatabase }), 2)
  t.match(noDatabase.err, ['db:apply: DATABASE_URL names no database'])
})
