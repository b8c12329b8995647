import t from 'tap'
import { parseSeedArgs, runSeed } from '../../src/cli/seed.js'
import { withDatabase } from '../../src/config.js'
import { createTestDatabase } from '../../src/testing/index.js'
import { rawConnection } from '../helpers.js'

function capture(env: Record<string, string | undefined>) {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { env, stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text) } }
}

t.test('arguments', async (t) => {
  t.equal(parseSeedArgs([]), undefined, 'scenarios only')
  t.same(parseSeedArgs(['--', '--scale', '100000']), { customers: 100000, consultants: 10000 }, 'pnpm passes a literal --')
  t.same(parseSeedArgs(['--scale=2000', '--consultants', '5']), { customers: 2000, consultants: 5 })
  t.same(parseSeedArgs(['--customers', '10']), { customers: 10, consultants: 0 })
  t.equal(parseSeedArgs(['--help']), 'help')
  t.throws(() => parseSeedArgs(['--scale', '1e5']), /--scale takes a whole number/)
  t.throws(() => parseSeedArgs(['--sclae', '10']), /Unknown option/)
})

t.test('usage errors exit 2 before touching the database', async (t) => {
  const run = capture({ DATABASE_URL: 'mysql://root@127.0.0.1:1/never' })
  t.equal(await runSeed(['--scale', 'lots'], run.io), 2)
  t.match(run.err.join('\n'), /--scale takes a whole number.*Usage: pnpm db:seed/s)

  const badUrl = capture({ DATABASE_URL: 'postgres://localhost/x' })
  t.equal(await runSeed([], badUrl.io), 2)
  t.match(badUrl.err.join('\n'), /DATABASE_URL/)
})

t.test('a database that is not migrated fails with exit 1 and a hint', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const run = capture({ DATABASE_URL: url })
  t.equal(await runSeed([], run.io), 1)
  t.match(run.err.join('\n'), /^db:seed: cannot seed 127\.0\.0\.1:3306\/tl_\w+: the database is not migrated .*pnpm db:apply/)
})

t.test('an unknown database fails with exit 1', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const run = capture({ DATABASE_URL: withDatabase(url, `${new URL(url).pathname.slice(1)}_missing`) })
  t.equal(await runSeed([], run.io), 1)
  t.match(run.err.join('\n'), /cannot seed .*_missing: Unknown database '\w+_missing'/)
})

t.test('seeds scenarios and volume, then reports nothing new on a re-run', async (t) => {
  const { url } = await createTestDatabase(t)
  const first = capture({ DATABASE_URL: url })
  t.equal(await runSeed(['--', '--scale', '300'], first.io), 0, first.err.join('\n'))
  const firstOut = first.out.join('\n')
  t.match(firstOut, /customers: 19 created/)
  t.match(firstOut, /customers: 300 added, 0 already present/)
  t.match(firstOut, /consultants: 30 added, 0 already present/)

  const second = capture({ DATABASE_URL: url })
  t.equal(await runSeed(['--scale', '300'], second.io), 0)
  const secondOut = second.out.join('\n')
  t.notMatch(secondOut, /created|updated|deleted/, 'scenario tables all unchanged')
  t.match(secondOut, /customers: 0 added, 300 already present/)
  t.match(secondOut, /rows inserted: none/)

  const conn = await rawConnection(t, url)
  const [row] = await conn.query('SELECT COUNT(*) AS n FROM customers')
  t.equal(Number(row.n), 19 + 300 + 30)
})
