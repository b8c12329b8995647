import { type Connection, createConnection, type SqlError } from 'mariadb'
import { parseDatabaseUrl } from '../config.js'
import type { DbLogger } from '../logger.js'
import { type MigrationFile, readMigrations, scriptMatchesChecksum } from './directory.js'
import { MigrateError } from './errors.js'
import {
  createMigrationsTable,
  listTables,
  loadMigrationRecords,
  MIGRATIONS_TABLE,
  type MigrationRecord,
  recordMigrationFailed,
  recordMigrationStarted,
  recordMigrationSucceeded,
} from './history.js'

export interface ApplyMigrationsOptions {
  /** Connection URL naming the target database, which must exist. */
  url: string
  /** A Prisma migrations folder: `<name>/migration.sql` per migration, optional `migration_lock.toml`. */
  migrationsDir: string
  logger?: Pick<DbLogger, 'info' | 'warn'>
}

export interface ApplyMigrationsResult {
  /** Migrations applied by this run, in order. */
  applied: string[]
  /** Migrations found already applied. */
  alreadyApplied: string[]
}

const LOCK_NAME = 'prisma_migrate'
const LOCK_TIMEOUT_SECONDS = 10

/**
 * Does what `prisma migrate deploy` does on MySQL, without the schema engine: same advisory lock, same
 * `_prisma_migrations` table and rows, same refusals, each migration file run as one multi-statement script.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const migrations = await readMigrations(options.migrationsDir)
  const conn = await createConnection({ ...parseDatabaseUrl(options.url), multipleStatements: true })
  try {
    await acquireLock(conn)
    try {
      return await applyLocked(conn, migrations, options.logger)
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME])
    }
  } finally {
    await conn.end()
  }
}

async function acquireLock(conn: Connection): Promise<void> {
  const [row]: Array<{ locked: number | null }> = await conn.query('SELECT GET_LOCK(?, ?) AS locked', [
    LOCK_NAME,
    LOCK_TIMEOUT_SECONDS,
  ])
  if (Number(row?.locked) !== 1) {
    throw new MigrateError(
      'LOCK_TIMEOUT',
      `Timed out after ${LOCK_TIMEOUT_SECONDS}s waiting for the '${LOCK_NAME}' lock: another migration run holds it.`,
    )
  }
}

async function applyLocked(
  conn: Connection,
  migrations: MigrationFile[],
  logger: ApplyMigrationsOptions['logger'],
): Promise<ApplyMigrationsResult> {
  await initializeHistory(conn)
  const records = await loadMigrationRecords(conn)
  refuseFailedMigrations(records)

  const live = records.filter((record) => record.rolledBackAt === null)
  const result: ApplyMigrationsResult = { applied: [], alreadyApplied: [] }
  for (const migration of migrations) {
    const recorded = live.filter((record) => record.migrationName === migration.name)
    if (recorded.length > 0) {
      result.alreadyApplied.push(migration.name)
      if (!recorded.some((record) => scriptMatchesChecksum(migration.script, record.checksum))) {
        logger?.warn(
          { migration: migration.name },
          `migration ${migration.name} was modified after it was applied (checksum differs from the recorded one)`,
        )
      }
      continue
    }
    await applyOne(conn, migration)
    logger?.info({ migration: migration.name }, `applied migration ${migration.name}`)
    result.applied.push(migration.name)
  }
  for (const record of live) {
    if (!migrations.some((migration) => migration.name === record.migrationName)) {
      logger?.warn(
        { migration: record.migrationName },
        `migration ${record.migrationName} is recorded in the database but missing from the migrations folder`,
      )
    }
  }
  return result
}

async function initializeHistory(conn: Connection): Promise<void> {
  const tables = await listTables(conn)
  if (tables.includes(MIGRATIONS_TABLE)) return
  if (tables.length > 0) {
    throw new MigrateError(
      'P3005',
      'The database schema is not empty. Read more about how to baseline an existing production database: ' +
        'https://pris.ly/d/migrate-baseline — mark the baseline as applied with ' +
        '`prisma migrate resolve --applied 0_init`, then deploy again.',
    )
  }
  await createMigrationsTable(conn)
}

function refuseFailedMigrations(records: MigrationRecord[]): void {
  const failed = records.filter((record) => record.finishedAt === null && record.rolledBackAt === null)
  if (failed.length === 0) return
  const details = failed
    .map((record) => {
      const logs = record.logs?.trim() ? ` with the following logs:\n${record.logs.trim()}` : ''
      return `The \`${record.migrationName}\` migration started at ${record.startedAt} UTC failed${logs}`
    })
    .join('\n')
  throw new MigrateError(
    'P3009',
    'migrate found failed migrations in the target database, new migrations will not be applied. Read more ' +
      'about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n' +
      details,
  )
}

async function applyOne(conn: Connection, migration: MigrationFile): Promise<void> {
  const id = await recordMigrationStarted(conn, migration.name, migration.checksum)
  try {
    // The driver rejects an empty string before sending it; an empty migration is simply a no-op.
    if (migration.script.trim() !== '') await conn.query(migration.script)
  } catch (error) {
    const sqlError = error as Partial<SqlError>
    const logs =
      'A migration failed to apply. New migrations cannot be applied before the error is recovered from. ' +
      'Read more about how to resolve migration issues in a production database: ' +
      'https://pris.ly/d/migrate-resolve\n\n' +
      `Migration name: ${migration.name}\n\n` +
      `Database error code: ${sqlError.errno ?? 'none'}\n\n` +
      `Database error:\n${sqlError.sqlMessage ?? sqlError.message ?? String(error)}\n`
    await recordMigrationFailed(conn, id, logs)
    throw new MigrateError('P3018', logs)
  }
  await recordMigrationSucceeded(conn, id)
}
