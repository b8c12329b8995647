import { randomUUID } from 'node:crypto'
import type { Connection } from 'mariadb'

export const MIGRATIONS_TABLE = '_prisma_migrations'

// Copied from the schema engine's MySQL flavour (create_migrations_table), so `prisma migrate deploy` later
// reads a table it could have created itself.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
`

export interface MigrationRecord {
  id: string
  checksum: string
  migrationName: string
  /** UTC, `YYYY-MM-DD HH:MM:SS.mmm`. */
  startedAt: string
  finishedAt: string | null
  rolledBackAt: string | null
  logs: string | null
  appliedStepsCount: number
}

/** Base tables of the connection's database, as the schema engine lists them (views excluded). */
export async function listTables(conn: Connection): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await conn.query(
    `SELECT DISTINCT BINARY table_info.table_name AS table_name
       FROM information_schema.tables AS table_info
       JOIN information_schema.columns AS column_info
         ON BINARY column_info.table_name = BINARY table_info.table_name
      WHERE table_info.table_schema = DATABASE()
        AND column_info.table_schema = DATABASE()
        AND table_info.table_type = 'BASE TABLE'
      ORDER BY BINARY table_info.table_name`,
  )
  return rows.map((row) => String(row.table_name))
}

export async function createMigrationsTable(conn: Connection): Promise<void> {
  await conn.query(CREATE_MIGRATIONS_TABLE)
}

export async function loadMigrationRecords(conn: Connection): Promise<MigrationRecord[]> {
  const rows: Array<Record<string, unknown>> = await conn.query({
    sql: `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
            FROM _prisma_migrations ORDER BY started_at ASC`,
    dateStrings: true,
  })
  return rows.map((row) => ({
    id: String(row.id),
    checksum: String(row.checksum),
    migrationName: String(row.migration_name),
    startedAt: String(row.started_at),
    finishedAt: row.finished_at === null ? null : String(row.finished_at),
    rolledBackAt: row.rolled_back_at === null ? null : String(row.rolled_back_at),
    logs: row.logs === null ? null : String(row.logs),
    appliedStepsCount: Number(row.applied_steps_count),
  }))
}

// The schema engine writes these timestamps from the client clock in UTC (chrono::Utc::now()), not with the
// server's NOW(), whose value depends on the session time zone.
function utcNow(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '')
}

/** Inserts the row `migrate deploy` writes before running a script; returns its id. */
export async function recordMigrationStarted(conn: Connection, name: string, checksum: string): Promise<string> {
  const id = randomUUID()
  await conn.query('INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES (?, ?, ?, ?)', [
    id,
    checksum,
    utcNow(),
    name,
  ])
  return id
}

export async function recordMigrationSucceeded(conn: Connection, id: string): Promise<void> {
  await conn.query('UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = ?', [id])
  await conn.query('UPDATE _prisma_migrations SET finished_at = ? WHERE id = ?', [utcNow(), id])
}

/** Leaves finished_at NULL: that is how Prisma marks a failed migration that blocks later deploys. */
export async function recordMigrationFailed(conn: Connection, id: string, logs: string): Promise<void> {
  await conn.query('UPDATE _prisma_migrations SET logs = ? WHERE id = ?', [logs, id])
}
