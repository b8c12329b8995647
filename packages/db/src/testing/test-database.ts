import { createHash, randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { createConnection } from 'mariadb'
import pino from 'pino'
import { createDb, type Db } from '../client.js'
import { parseDatabaseUrl, parseDbConfig, quoteIdentifier, withDatabase } from '../config.js'
import type { DbLogger } from '../logger.js'
import { applyMigrations } from '../migrations/apply.js'
import { repoMigrationsDir } from '../migrations/paths.js'

/** The part of a tap `Test` the helper needs; kept structural so the helper does not import tap. */
export interface TeardownHost {
  teardown(fn: () => unknown): void
}

export interface TestDatabaseOptions {
  /** Also build a client with `createDb` (disconnected at teardown). */
  connect?: boolean
  /** Logger for that client; silent by default. */
  logger?: DbLogger
  /** Migrations to apply: the repository's own by default; `false` leaves the database empty. */
  migrationsDir?: string | false
  /** Environment to read TEST_DATABASE_URL / DATABASE_URL from; `process.env` by default. */
  env?: Record<string, string | undefined>
}

export interface TestDatabase {
  name: string
  /** Connection URL of the new database, usable as DATABASE_URL. */
  url: string
  /** Present when `connect: true` was asked for. */
  db?: Db
}

/**
 * Creates a uniquely named, freshly migrated database for one test file and drops it at teardown, whether the
 * test passed or not. The server comes from TEST_DATABASE_URL, else DATABASE_URL (the database part of either
 * is ignored), else mysql://root@127.0.0.1:3306.
 */
export async function createTestDatabase(
  t: TeardownHost,
  options: TestDatabaseOptions & { connect: true },
): Promise<TestDatabase & { db: Db }>
export async function createTestDatabase(t: TeardownHost, options?: TestDatabaseOptions): Promise<TestDatabase>
export async function createTestDatabase(t: TeardownHost, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl(options.env)
  sweeping ??= sweepOrphanedTestDatabases(serverUrl).then(
    () => undefined,
    () => undefined, // a failed sweep must not fail the test that triggered it
  )
  await sweeping
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`
  const url = withDatabase(serverUrl, name)

  await onServer(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  let db: Db | undefined
  t.teardown(async () => {
    await db?.disconnect()
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`)
  })

  if (options.migrationsDir !== false) {
    await applyMigrations({ url, migrationsDir: options.migrationsDir ?? repoMigrationsDir })
  }
  if (options.connect) {
    db = createDb(parseDbConfig({ DATABASE_URL: url }), options.logger ?? pino({ level: 'silent' }))
  }
  return { name, url, ...(db ? { db } : {}) }
}

/** `t_<host tag>_`: test databases of this machine, so a sweep never touches another machine's on a shared server. */
export const TEST_DATABASE_PREFIX = `t_${createHash('sha256').update(hostname()).digest('hex').slice(0, 6)}_`

let sweeping: Promise<void> | undefined

/**
 * Drops this machine's test databases whose process is gone: a test file killed by a timeout never runs its
 * teardown. Runs once per process, before its first database is created.
 */
export async function sweepOrphanedTestDatabases(serverUrl: string): Promise<string[]> {
  const conn = await createConnection(parseDatabaseUrl(serverUrl))
  try {
    const rows = (await conn.query('SHOW DATABASES LIKE ?', [`${TEST_DATABASE_PREFIX.replaceAll('_', '\\_')}%`])) as Array<
      Record<string, string>
    >
    const dropped: string[] = []
    for (const name of rows.map((row) => Object.values(row)[0] ?? '')) {
      const pid = Number(name.slice(TEST_DATABASE_PREFIX.length).split('_')[0])
      if (!Number.isSafeInteger(pid) || pid <= 0 || isAlive(pid)) continue
      await conn.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`)
      dropped.push(name)
    }
    return dropped
  } finally {
    await conn.end()
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The server tests create their databases on: TEST_DATABASE_URL, else DATABASE_URL, else the local default. */
export function testServerUrl(env: Record<string, string | undefined> = process.env): string {
  return withDatabase(env.TEST_DATABASE_URL ?? env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306', undefined)
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const conn = await createConnection(parseDatabaseUrl(serverUrl))
  try {
    await conn.query(sql)
  } finally {
    await conn.end()
  }
}
