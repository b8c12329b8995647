import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { createTestDatabase } from '@cp/db/testing'
import { runCheck } from '../../src/cli/check.js'
import { parseDbConfig } from '../../src/config.js'
import type { DriftReport } from '../../src/drift/types.js'
import { rawConnection } from '../helpers.js'

const cliPath = fileURLToPath(new URL('../../src/cli/check.ts', import.meta.url))

async function run(argv: string[], env: Record<string, string | undefined>) {
  let stdout = ''
  let stderr = ''
  const code = await runCheck(argv, {
    env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  })
  return { code, stdout, stderr }
}

t.test('exit 0 and a one-line report when the database matches', async (t) => {
  const { url } = await createTestDatabase(t)
  const result = await run([], { DATABASE_URL: url })
  t.equal(result.code, 0)
  t.match(result.stdout, /^No drift: database tl_\w+ \(MariaDB/)
  t.equal(result.stderr, '')
})

t.test('exit 1 and the differences when the database drifted; --json gives the report itself', async (t) => {
  const { url } = await createTestDatabase(t)
  const conn = await rawConnection(t, url)
  await conn.query('ALTER TABLE customers MODIFY Phone VARCHAR(20) NULL')
  const text = await run([], { DATABASE_URL: url })
  t.equal(text.code, 1)
  t.match(text.stdout, /^customers: column Phone: type varchar\(20\) in database, varchar\(32\) in schema$/m)

  const json = await run(['--json'], { DATABASE_URL: url })
  t.equal(json.code, 1)
  const report = JSON.parse(json.stdout) as DriftReport
  t.same(report.issues, [{ kind: 'type', table: 'customers', column: 'Phone', expected: 'varchar(32)', actual: 'varchar(20)' }])
})

t.test('exit 2 with a clear message when the check cannot run', async (t) => {
  const invalid = await run([], { DATABASE_URL: 'postgres://localhost/x' })
  t.equal(invalid.code, 2)
  t.match(invalid.stderr, /^db:check: invalid DATABASE_URL/)

  const unreachable = await run([], { DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere' })
  t.equal(unreachable.code, 2)
  t.match(unreachable.stderr, /^db:check: cannot connect to 127\.0\.0\.1:1 database nowhere/)

  const noSchema = await run(['--schema', '/nonexistent/schema.prisma'], { DATABASE_URL: 'mysql://root@127.0.0.1:1/x' })
  t.equal(noSchema.code, 2)
  t.match(noSchema.stderr, /no Prisma schema at \/nonexistent\/schema\.prisma/)

  const badOption = await run(['--frobnicate'], { DATABASE_URL: 'mysql://root@127.0.0.1:1/x' })
  t.equal(badOption.code, 2)
  t.match(badOption.stderr, /Unknown option '--frobnicate'[\s\S]*Usage: pnpm db:check/)
})

t.test('without DATABASE_URL it checks the default database that db:apply and db:seed use', async (t) => {
  const defaultUrl = parseDbConfig({}).DATABASE_URL
  t.equal(defaultUrl, 'mysql://root@127.0.0.1:3306/consultation')
  // Whether that database exists on this server or not, the answer is about it, never "DATABASE_URL is not set".
  const fromEnv = await run([], {})
  t.notMatch(fromEnv.stderr, /not set/)
  t.match(`${fromEnv.stdout}${fromEnv.stderr}`, /database consultation\b/, 'the report or the failure names the default database')
})

t.test('--help prints the usage and exits 0', async (t) => {
  const help = await run(['--help'], {})
  t.equal(help.code, 0)
  t.match(help.stdout, /Exit status: 0 no drift \(no orphans\), 1 drift \(orphans\), 2 the check could not run/)
})

t.test('run as a script, the exit status is the process exit code', async (t) => {
  const { url } = await createTestDatabase(t)
  const conn = await rawConnection(t, url)
  await conn.query('DROP TABLE branches')
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', cliPath], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  t.equal(code, 1)
  t.match(stdout, /^branches: table missing in database \(model Branch\)$/m)
})

t.test('--orphans: exit 0 on a consistent database, 1 with the orphaned rows; --json gives the report', async (t) => {
  const { url } = await createTestDatabase(t)
  const clean = await run(['--orphans'], { DATABASE_URL: url })
  t.equal(clean.code, 0)
  t.match(clean.stdout, /^No orphans: database tl_\w+, \d+ relations checked\.$/)

  const conn = await rawConnection(t, url)
  await conn.query('INSERT INTO consultant_schedules (Consultant_ID, Day_Of_Week, Start_Time, End_Time) VALUES (404, 1, "09:00", "17:00")')
  const text = await run(['--orphans'], { DATABASE_URL: url })
  t.equal(text.code, 1)
  t.match(text.stdout, /^consultant_schedules\.Consultant_ID -> consultants\.Consultant_ID \(ConsultantSchedule\.consultant\): 1 orphaned row; Schedule_ID \(reference\): 1 \(404\)$/m)
  const json = await run(['--orphans', '--json'], { DATABASE_URL: url })
  t.equal(json.code, 1)
  t.match(JSON.parse(json.stdout), { orphans: 1, hasOrphans: true })

  const unreachable = await run(['--orphans'], { DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere' })
  t.equal(unreachable.code, 2)
  t.match(unreachable.stderr, /^db:check: cannot connect to 127\.0\.0\.1:1 database nowhere/)
})
