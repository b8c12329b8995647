import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { applyMigrations, MigrateError } from '../../src/tooling/index.js'
import { createTestDatabase } from '../../src/testing/index.js'
import { memoryLogger, rawConnection } from '../helpers.js'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

t.test('first run creates _prisma_migrations as the schema engine does and records each migration', async (t) => {
  const { url, name } = await createTestDatabase(t, { migrationsDir: false })
  const dir = t.testdir({
    'migration_lock.toml': 'provider = "mysql"\n',
    '0_init': { 'migration.sql': 'CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE b (id INT PRIMARY KEY);\n' },
    '1_more': { 'migration.sql': "-- why? because\nALTER TABLE a ADD COLUMN note VARCHAR(20) DEFAULT 'what?';\n" },
  })
  const result = await applyMigrations({ url, migrationsDir: dir })
  t.same(result, { applied: ['0_init', '1_more'], alreadyApplied: [] })

  const conn = await rawConnection(t, url)
  // Aliased: MySQL 8 labels information_schema columns in upper case whatever the query says.
  const columns = (await conn.query(
    `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS columnDefault,
            COLUMN_KEY AS \`key\`, COLLATION_NAME AS collation
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = '_prisma_migrations'
      ORDER BY ORDINAL_POSITION`,
    [name],
  )) as MigrationsColumnRow[]
  t.same(columns.map(portableColumn), PRISMA_MIGRATIONS_COLUMNS)
  const [table] = await conn.query(
    `SELECT TABLE_COLLATION AS collation FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = ? AND TABLE_NAME = '_prisma_migrations'`,
    [name],
  )
  t.equal(table.collation, 'utf8mb4_unicode_ci')

  const rows = await conn.query('SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name')
  t.same(
    rows.map((row: Record<string, unknown>) => row.migration_name),
    ['0_init', '1_more'],
  )
  for (const row of rows) {
    t.match(row.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a v4 uuid')
    t.equal(row.checksum, sha256(readFileSync(join(dir, row.migration_name, 'migration.sql'))))
    t.equal(row.applied_steps_count, 1)
    t.equal(row.logs, null)
    t.equal(row.rolled_back_at, null)
    t.match(row.started_at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/)
    t.ok(row.finished_at !== null && row.finished_at >= row.started_at, 'finished after it started')
  }
  const [note] = await conn.query(`SELECT COLUMN_DEFAULT AS columnDefault FROM information_schema.COLUMNS
    WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'a' AND COLUMN_NAME = 'note'`, [name])
  t.equal(portableDefault(note.columnDefault), 'what?', 'a ? inside the script is sent as written, not taken as a placeholder')
})

t.test('a second run applies nothing and changes no records', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const dir = t.testdir({ '0_init': { 'migration.sql': 'CREATE TABLE a (id INT PRIMARY KEY);' } })
  await applyMigrations({ url, migrationsDir: dir })
  const conn = await rawConnection(t, url)
  const before = await conn.query('SELECT * FROM _prisma_migrations')

  const again = await applyMigrations({ url, migrationsDir: dir })
  t.same(again, { applied: [], alreadyApplied: ['0_init'] })
  t.same(await conn.query('SELECT * FROM _prisma_migrations'), before)
})

t.test('applies folders in name order, including ones added later', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  // Each script depends on the one before it, so a wrong order fails; '10_' sorts before '1_' as in Prisma.
  const dir = t.testdir({
    '2_rename': { 'migration.sql': 'ALTER TABLE a RENAME COLUMN x TO y;' },
    '1_add': { 'migration.sql': 'ALTER TABLE a ADD COLUMN x INT;' },
    '10_create': { 'migration.sql': 'CREATE TABLE a (id INT PRIMARY KEY);' },
  })
  t.same((await applyMigrations({ url, migrationsDir: dir })).applied, ['10_create', '1_add', '2_rename'])

  writeFileSync(join(dir, '0_ignored_name_order_but_new.sql'), 'not a folder, not a migration')
  const later = join(dir, '3_index')
  mkdirSync(later)
  writeFileSync(join(later, 'migration.sql'), 'CREATE INDEX a_y ON a (y);')
  t.same(await applyMigrations({ url, migrationsDir: dir }), {
    applied: ['3_index'],
    alreadyApplied: ['10_create', '1_add', '2_rename'],
  })
  const conn = await rawConnection(t, url)
  const names = await conn.query('SELECT migration_name FROM _prisma_migrations ORDER BY started_at, migration_name')
  t.same(names.map((row: { migration_name: string }) => row.migration_name), ['10_create', '1_add', '2_rename', '3_index'])
})

t.test('a failing migration is recorded as failed and blocks later runs like P3009', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const dir = t.testdir({
    '1_ok': { 'migration.sql': 'CREATE TABLE a (id INT PRIMARY KEY);' },
    '2_broken': { 'migration.sql': 'CREATE TABLE b (id INT PRIMARY KEY);\nSELECT * FROM no_such_table;\nCREATE TABLE c (id INT);' },
    '3_after': { 'migration.sql': 'CREATE TABLE d (id INT PRIMARY KEY);' },
  })
  const error = await applyMigrations({ url, migrationsDir: dir }).catch((caught: unknown) => caught)
  t.type(error, MigrateError)
  t.equal((error as MigrateError).code, 'P3018')
  t.match((error as MigrateError).message, /Migration name: 2_broken[\s\S]*1146[\s\S]*no_such_table/)

  const conn = await rawConnection(t, url)
  const rows = await conn.query('SELECT migration_name, finished_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at, migration_name')
  t.equal(rows.length, 2, 'the migration after the failed one was not started')
  t.equal(rows[0].finished_at !== null, true)
  t.match(rows[1], { migration_name: '2_broken', finished_at: null, applied_steps_count: 0 })
  t.match(rows[1].logs, /Database error code: 1146/)
  const tables = await conn.query('SHOW TABLES')
  t.same(tables.map((row: Record<string, string>) => Object.values(row)[0]).sort(), ['_prisma_migrations', 'a', 'b'],
    'statements before the failing one ran, like a script run by the schema engine')

  writeFileSync(join(dir, '2_broken', 'migration.sql'), 'CREATE TABLE c (id INT);')
  const refused = await applyMigrations({ url, migrationsDir: dir }).catch((caught: unknown) => caught)
  t.type(refused, MigrateError)
  t.equal((refused as MigrateError).code, 'P3009')
  t.match((refused as MigrateError).message, /The `2_broken` migration started at .* failed with the following logs/)
  t.equal((await conn.query("SHOW TABLES LIKE 'c'")).length, 0, 'nothing was applied after the refusal')

  await conn.query("UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE migration_name = '2_broken'")
  t.same((await applyMigrations({ url, migrationsDir: dir })).applied, ['2_broken', '3_after'],
    'after `migrate resolve --rolled-back` the migration is applied again')
})

t.test('refuses a non-empty database without _prisma_migrations (P3005, baselining hint)', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const conn = await rawConnection(t, url)
  await conn.query('CREATE TABLE legacy (id INT PRIMARY KEY)')
  const dir = t.testdir({ '0_init': { 'migration.sql': 'CREATE TABLE legacy (id INT PRIMARY KEY);' } })

  const error = await applyMigrations({ url, migrationsDir: dir }).catch((caught: unknown) => caught)
  t.type(error, MigrateError)
  t.equal((error as MigrateError).code, 'P3005')
  t.match((error as MigrateError).message, 'prisma migrate resolve --applied 0_init')
  t.equal((await conn.query("SHOW TABLES LIKE '\\_prisma\\_migrations'")).length, 0, 'no history table was created')
})

t.test('a view alone does not make the database non-empty, as for the schema engine', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const conn = await rawConnection(t, url)
  await conn.query('CREATE VIEW v AS SELECT 1 AS one')
  const dir = t.testdir({ '0_init': { 'migration.sql': 'CREATE TABLE a (id INT);' } })
  t.same((await applyMigrations({ url, migrationsDir: dir })).applied, ['0_init'])
})

t.test('takes the prisma_migrate advisory lock, waits for it, and releases it', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const dir = t.testdir({ '0_init': { 'migration.sql': 'CREATE TABLE a (id INT PRIMARY KEY);' } })
  const holder = await rawConnection(t, url)
  const observer = await rawConnection(t, url)
  const [held] = await holder.query("SELECT GET_LOCK('prisma_migrate', 0) AS locked")
  t.equal(Number(held.locked), 1)

  const run = applyMigrations({ url, migrationsDir: dir })
  // Wait until the applier's connection is blocked in GET_LOCK, then check it has not touched the database.
  for (;;) {
    const waiting = await observer.query(
      "SELECT COUNT(*) AS n FROM information_schema.processlist WHERE db = DATABASE() AND info LIKE 'SELECT GET_LOCK(%'",
    )
    if (Number(waiting[0].n) > 0) break
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  t.equal((await observer.query("SHOW TABLES LIKE '\\_prisma\\_migrations'")).length, 0, 'waited before initializing')
  await holder.query("SELECT RELEASE_LOCK('prisma_migrate')")
  t.same((await run).applied, ['0_init'])

  const [free] = await observer.query("SELECT IS_FREE_LOCK('prisma_migrate') AS free")
  t.equal(Number(free.free), 1, 'released after success')
  await t.rejects(applyMigrations({ url, migrationsDir: t.testdir({ x: { 'migration.sql': 'SELEC 1' } }) }))
  const [freeAfterFailure] = await observer.query("SELECT IS_FREE_LOCK('prisma_migrate') AS free")
  t.equal(Number(freeAfterFailure.free), 1, 'released after a failure')
})

t.test('warns when an applied migration file was edited, but not for changed line endings', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const dir = t.testdir({ '0_init': { 'migration.sql': 'CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n' } })
  await applyMigrations({ url, migrationsDir: dir })
  const file = join(dir, '0_init', 'migration.sql')

  writeFileSync(file, 'CREATE TABLE a (id INT);\r\nCREATE TABLE b (id INT);\r\n')
  const crlf = memoryLogger()
  await applyMigrations({ url, migrationsDir: dir, logger: crlf.logger })
  t.same(crlf.entries.filter((entry) => entry.level === 'warn'), [])

  writeFileSync(file, 'CREATE TABLE a (id BIGINT);\n')
  const edited = memoryLogger()
  t.same(await applyMigrations({ url, migrationsDir: dir, logger: edited.logger }), { applied: [], alreadyApplied: ['0_init'] })
  t.match(edited.entries, [{ level: 'warn', obj: { migration: '0_init' }, msg: /modified after it was applied/ }])

  rmSync(join(dir, '0_init'), { recursive: true })
  const missing = memoryLogger()
  t.same(await applyMigrations({ url, migrationsDir: dir, logger: missing.logger }), { applied: [], alreadyApplied: [] })
  t.match(missing.entries, [{ level: 'warn', obj: { migration: '0_init' }, msg: /missing from the migrations folder/ }])
})

t.test('rejects a migration folder without migration.sql and a lockfile for another provider', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const noScript = t.testdir({ '0_init': { 'README.md': 'oops' } })
  await t.rejects(applyMigrations({ url, migrationsDir: noScript }), { code: 'MIGRATION_FILE', message: /0_init/ })
  const postgres = t.testdir({ 'migration_lock.toml': 'provider = "postgresql"\n', '0_init': { 'migration.sql': '' } })
  await t.rejects(applyMigrations({ url, migrationsDir: postgres }), { code: 'P3019', message: /postgresql/ })
})

t.test('an empty migration file is applied as a no-op', async (t) => {
  const { url } = await createTestDatabase(t, { migrationsDir: false })
  const dir = t.testdir({ '0_empty': { 'migration.sql': '' }, '1_comment': { 'migration.sql': '-- nothing yet\n' } })
  t.same((await applyMigrations({ url, migrationsDir: dir })).applied, ['0_empty', '1_comment'])
})

interface MigrationsColumnRow {
  name: string
  type: string
  nullable: string
  columnDefault: string | null
  key: string
  collation: string | null
}

/** `_prisma_migrations` as `prisma migrate deploy` creates it, in the spelling both servers reduce to. */
const PRISMA_MIGRATIONS_COLUMNS = [
  { name: 'id', type: 'varchar(36)', nullable: 'NO', columnDefault: null, key: 'PRI', collation: 'utf8mb4_unicode_ci' },
  { name: 'checksum', type: 'varchar(64)', nullable: 'NO', columnDefault: null, key: '', collation: 'utf8mb4_unicode_ci' },
  { name: 'finished_at', type: 'datetime(3)', nullable: 'YES', columnDefault: null, key: '', collation: null },
  { name: 'migration_name', type: 'varchar(255)', nullable: 'NO', columnDefault: null, key: '', collation: 'utf8mb4_unicode_ci' },
  { name: 'logs', type: 'text', nullable: 'YES', columnDefault: null, key: '', collation: 'utf8mb4_unicode_ci' },
  { name: 'rolled_back_at', type: 'datetime(3)', nullable: 'YES', columnDefault: null, key: '', collation: null },
  { name: 'started_at', type: 'datetime(3)', nullable: 'NO', columnDefault: 'current_timestamp(3)', key: '', collation: null },
  { name: 'applied_steps_count', type: 'int unsigned', nullable: 'NO', columnDefault: '0', key: '', collation: null },
]

/**
 * MariaDB 10.11 and MySQL 8.4 spell the same column differently: integer display widths (`int(10) unsigned` vs
 * `int unsigned`), a NULL default (`'NULL'` vs null), CURRENT_TIMESTAMP's case, quoted string defaults.
 */
function portableColumn(row: MigrationsColumnRow): MigrationsColumnRow {
  return {
    ...row,
    type: row.type.replace(/^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/, '$1'),
    columnDefault: portableDefault(row.columnDefault),
  }
}

function portableDefault(value: string | null): string | null {
  if (value === null || value === 'NULL') return null
  if (/^current_timestamp(\(\d\))?$/i.test(value)) return value.toLowerCase()
  const quoted = /^'(.*)'$/s.exec(value)
  return quoted ? (quoted[1] ?? '').replaceAll("''", "'") : value
}

t.test('MySQL 8.4 information_schema rows of _prisma_migrations (recorded) read as the same table', async (t) => {
  // SELECT … FROM information_schema.COLUMNS with the aliases above, on MySQL 8.4 after `prisma migrate deploy`.
  const mysql: MigrationsColumnRow[] = [
    { name: 'id', type: 'varchar(36)', nullable: 'NO', columnDefault: null, key: 'PRI', collation: 'utf8mb4_unicode_ci' },
    { name: 'checksum', type: 'varchar(64)', nullable: 'NO', columnDefault: null, key: '', collation: 'utf8mb4_unicode_ci' },
    { name: 'finished_at', type: 'datetime(3)', nullable: 'YES', columnDefault: null, key: '', collation: null },
    { name: 'migration_name', type: 'varchar(255)', nullable: 'NO', columnDefault: null, key: '', collation: 'utf8mb4_unicode_ci' },
    { name: 'logs', type: 'text', nullable: 'YES', columnDefault: null, key: '', collation: 'utf8mb4_unicode_ci' },
    { name: 'rolled_back_at', type: 'datetime(3)', nullable: 'YES', columnDefault: null, key: '', collation: null },
    { name: 'started_at', type: 'datetime(3)', nullable: 'NO', columnDefault: 'CURRENT_TIMESTAMP(3)', key: '', collation: null },
    { name: 'applied_steps_count', type: 'int unsigned', nullable: 'NO', columnDefault: '0', key: '', collation: null },
  ]
  t.same(mysql.map(portableColumn), PRISMA_MIGRATIONS_COLUMNS)
  t.equal(portableDefault('what?'), 'what?', "MySQL's unquoted string default")
  t.equal(portableDefault("'what?'"), 'what?', "MariaDB's quoted one")
})
