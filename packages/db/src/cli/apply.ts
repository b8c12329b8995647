// `pnpm db:apply`: creates the database named in DATABASE_URL if it is missing, then applies the migrations
// the way `prisma migrate deploy` would. Exit status: 0 applied or up to date, 1 refused or failed, 2 usage.
import { parseArgs } from 'node:util'
import { createConnection } from 'mariadb'
import pino from 'pino'
import { parseDatabaseUrl, parseDbConfig, quoteIdentifier, withDatabase } from '../config.js'
import { applyMigrations } from '../migrations/apply.js'
import { repoMigrationsDir } from '../migrations/paths.js'
import { type CliIo, processIo, runIfMain } from './main.js'

const USAGE = `Usage: pnpm db:apply [--dir <migrations folder>]

Creates the database in DATABASE_URL (mysql://user:password@host:port/database) when it does not exist and
applies the pending migrations (default folder: prisma/migrations), recording them in _prisma_migrations
exactly as \`prisma migrate deploy\` does.
Exit status: 0 up to date, 1 a migration was refused or failed, 2 usage.`

export interface ApplyIo extends CliIo {
  /** Progress lines (one per applied migration, warnings); JSON through pino by default. */
  logger?: Parameters<typeof applyMigrations>[0]['logger']
}

export async function runApply(argv: string[], io: ApplyIo): Promise<number> {
  let values: { dir?: string; help?: boolean }
  try {
    values = parseArgs({ args: argv, options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values
  } catch (error) {
    io.stderr(`db:apply: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    io.stdout(USAGE)
    return 0
  }
  let url: string
  let name: string | undefined
  try {
    url = parseDbConfig(io.env).DATABASE_URL
    name = parseDatabaseUrl(url).database
  } catch (error) {
    io.stderr(`db:apply: invalid DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  if (!name) {
    io.stderr('db:apply: DATABASE_URL names no database')
    return 2
  }
  try {
    if (await createDatabaseIfMissing(url, name)) io.stdout(`db:apply: created database ${name}`)
    const result = await applyMigrations({ url, migrationsDir: values.dir ?? repoMigrationsDir, logger: io.logger })
    io.stdout(
      result.applied.length === 0
        ? `db:apply: ${name} is up to date (${result.alreadyApplied.length} migrations already applied)`
        : `db:apply: applied ${result.applied.join(', ')} to ${name}`,
    )
    return 0
  } catch (error) {
    // Refusals (MigrateError) and connection failures alike: the message says what to do, a stack would not.
    io.stderr(`db:apply: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

/** Same character set and collation as the schema engine's CREATE DATABASE. Returns whether it was created. */
async function createDatabaseIfMissing(url: string, name: string): Promise<boolean> {
  const conn = await createConnection(parseDatabaseUrl(withDatabase(url, undefined)))
  try {
    const existing = await conn.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', [name])
    if (existing.length > 0) return false
    await conn.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
    return true
  } finally {
    await conn.end()
  }
}

runIfMain(
  import.meta.url,
  'db:apply',
  () => runApply(process.argv.slice(2), { ...processIo(), logger: pino({ level: process.env.LOG_LEVEL ?? 'info' }) }),
  1,
)
