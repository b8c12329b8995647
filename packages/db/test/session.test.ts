import t from 'tap'
import { MYSQL_DEFAULT_SQL_MODE, parseDbConfig } from '../src/config.js'
import { sessionStatements } from '../src/session.js'
import { createTestDatabase } from '../src/testing/index.js'

t.test('every pool connection runs with the legacy collation, MySQL strictness and the statement limit', async (t) => {
  const { db } = await createTestDatabase(t, { connect: true })
  // The pool opens its connections with the first query; one handed to a query already waiting at that moment can
  // run that query before its settings (a known gap of the 'connection' event), so the pool is opened first.
  await db.prisma.$queryRaw`SELECT 1`
  await new Promise((resolve) => setTimeout(resolve, 500))
  // Several at once, so more than the first pool connection is looked at.
  const rows = await Promise.all(
    Array.from({ length: 6 }, () =>
      db.prisma.$queryRaw<Array<{ collation: string; mode: string; limit: number }>>`
        SELECT @@collation_connection AS collation, @@sql_mode AS mode, @@max_statement_time AS \`limit\`, SLEEP(0.05)`,
    ),
  )
  for (const [row] of rows) {
    t.equal(row?.collation, 'utf8mb4_unicode_ci')
    t.equal(row?.mode, MYSQL_DEFAULT_SQL_MODE)
    t.equal(Number(row?.limit), 5, 'DB_QUERY_TIMEOUT_MS 5000 as max_statement_time seconds')
  }
})

t.test('MariaDB ends a statement at DB_QUERY_TIMEOUT_MS with its own error, and the connection serves on', async (t) => {
  const { url } = await createTestDatabase(t)
  const { createDb } = await import('../src/client.js')
  const { memoryLogger } = await import('./helpers.js')
  const db = createDb(parseDbConfig({ DATABASE_URL: url, DB_QUERY_TIMEOUT_MS: '500', DB_POOL_SIZE: '1' }), memoryLogger().logger)
  t.teardown(() => db.disconnect())
  const started = performance.now()
  // SLEEP reports an interruption as 1 rather than an error; a real scan is ended with error 1969.
  await t.rejects(
    db.prisma.$queryRaw`SELECT COUNT(*) FROM information_schema.COLUMNS a, information_schema.COLUMNS b, information_schema.COLUMNS c`,
    /max_statement_time|1969/,
  )
  t.ok(performance.now() - started < 3000)
  t.same(await db.prisma.$queryRaw`SELECT 1 AS one`, [{ one: 1 }])
})

t.test('the limit and the mode branch by server; `server` leaves the mode alone; 0 sets no limit', async (t) => {
  const config = { DB_QUERY_TIMEOUT_MS: 2500, DB_SQL_MODE: MYSQL_DEFAULT_SQL_MODE }
  t.same(sessionStatements('mariadb', config), [
    `SET SESSION sql_mode = '${MYSQL_DEFAULT_SQL_MODE}'`,
    'SET SESSION max_statement_time = 2.5',
  ])
  t.same(sessionStatements('mysql', config), [
    `SET SESSION sql_mode = '${MYSQL_DEFAULT_SQL_MODE}'`,
    'SET SESSION max_execution_time = 2500',
  ])
  t.same(sessionStatements('mysql', { DB_QUERY_TIMEOUT_MS: 0, DB_SQL_MODE: 'server' }), [])
})

t.test('DB_SQL_MODE=server keeps the server default for the session', async (t) => {
  const { url } = await createTestDatabase(t)
  const { createDb } = await import('../src/client.js')
  const { memoryLogger } = await import('./helpers.js')
  const db = createDb(parseDbConfig({ DATABASE_URL: url, DB_SQL_MODE: 'server' }), memoryLogger().logger)
  t.teardown(() => db.disconnect())
  const [modes] = await db.prisma.$queryRaw<Array<{ sessionMode: string; globalMode: string }>>`
    SELECT @@SESSION.sql_mode AS sessionMode, @@GLOBAL.sql_mode AS globalMode`
  t.ok(modes?.globalMode !== undefined)
  // The driver's handshake asks for IGNORE_SPACE, which the server adds to the session's mode.
  const withoutClientFlag = (modes?.sessionMode ?? '').split(',').filter((mode) => mode !== 'IGNORE_SPACE').join(',')
  t.equal(withoutClientFlag, modes?.globalMode)
})
