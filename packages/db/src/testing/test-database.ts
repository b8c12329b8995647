import { createHash, randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { type Connection, createConnection } from 'mariadb'
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
  const name = `${TEST_DATABASE_HOST_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`
  const url = withDatabase(serverUrl, name)

  // The lock comes first: from the moment the database exists, a sweep anywhere sees it owned.
  const release = await holdTestDatabaseLock(serverUrl, name)
  let db: Db | undefined
  t.teardown(async () => {
    try {
      await db?.disconnect()
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`)
    } finally {
      await release()
    }
  })
  await onServer(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)

  if (options.migrationsDir !== false) {
    await applyMigrations({ url, migrationsDir: options.migrationsDir ?? repoMigrationsDir })
  }
  if (options.connect) {
    db = createDb(parseDbConfig({ DATABASE_URL: url }), options.logger ?? pino({ level: 'silent' }))
  }
  return { name, url, ...(db ? { db } : {}) }
}

/**
 * Every test database starts so; only names of exactly the helper's form are ever swept. `tl_` (locked), not the
 * `t_` of checkouts that keyed on hostname and PID: their sweepers never see these databases, and this sweeper
 * never drops theirs, which hold no lock.
 */
export const TEST_DATABASE_PREFIX = 'tl_'
/** `tl_<host tag>_`: which machine made a database, for people reading SHOW DATABASES; ownership is the lock. */
export const TEST_DATABASE_HOST_PREFIX = `${TEST_DATABASE_PREFIX}${createHash('sha256').update(hostname()).digest('hex').slice(0, 6)}_`
const TEST_DATABASE_NAME = /^tl_[0-9a-f]{6}_\d+_[0-9a-f]{8}$/

/**
 * The named lock (GET_LOCK) a live test process holds for each of its databases, on a connection of its own. The
 * server frees it when that connection ends, however the process died, so a free lock proves the owner is gone,
 * on any machine and in any PID namespace. At most 64 characters (MySQL's limit): the prefix is 11, names at most 27.
 */
export function testDatabaseLockName(name: string): string {
  const lock = `cp_test_db:${name}`
  if (lock.length > 64) throw new Error(`test database lock name over 64 characters: ${lock}`)
  return lock
}

interface LockHolder {
  conn: Promise<Connection>
  held: number
}
const lockHolders = new Map<string, LockHolder>()

/**
 * Takes the database's lock on this process's lock connection for `serverUrl` (opened on first use) and returns
 * its release. The connection closes when the last lock is released, so it never keeps a finished process alive.
 */
async function holdTestDatabaseLock(serverUrl: string, name: string): Promise<() => Promise<void>> {
  let holder = lockHolders.get(serverUrl)
  if (!holder) {
    holder = { conn: createConnection(parseDatabaseUrl(serverUrl)), held: 0 }
    holder.conn.catch(() => lockHolders.delete(serverUrl))
    lockHolders.set(serverUrl, holder)
  }
  holder.held += 1
  const owner = holder
  let released = false
  const release = async () => {
    if (released) return
    released = true
    owner.held -= 1
    const conn = await owner.conn.catch(() => undefined)
    if (!conn) return
    await conn.query('SELECT RELEASE_LOCK(?)', [testDatabaseLockName(name)]).catch(() => undefined)
    if (owner.held === 0 && lockHolders.get(serverUrl) === owner) {
      lockHolders.delete(serverUrl)
      await conn.end().catch(() => undefined)
    }
  }
  try {
    const conn = await owner.conn
    const [row] = (await conn.query('SELECT GET_LOCK(?, 0) AS locked', [testDatabaseLockName(name)])) as Array<{
      locked: number | bigint | null
    }>
    if (Number(row?.locked) !== 1) throw new Error(`the lock of test database ${name} is held elsewhere`)
  } catch (error) {
    await release()
    throw error
  }
  return release
}

let sweeping: Promise<void> | undefined

/**
 * Drops test databases whose owner is gone: a test file killed by a timeout never runs its teardown. A database
 * is swept only when its lock is free (IS_FREE_LOCK), so a live process's database is never touched, whichever
 * machine or PID namespace it runs in. Runs once per process, before its first database is created.
 */
export async function sweepOrphanedTestDatabases(serverUrl: string): Promise<string[]> {
  const conn = await createConnection(parseDatabaseUrl(serverUrl))
  try {
    const rows = (await conn.query('SHOW DATABASES LIKE ?', [`${TEST_DATABASE_PREFIX.replaceAll('_', '\\_')}%`])) as Array<
      Record<string, string>
    >
    const dropped: string[] = []
    for (const name of rows.map((row) => Object.values(row)[0] ?? '')) {
      if (!TEST_DATABASE_NAME.test(name)) continue
      const [free] = (await conn.query('SELECT IS_FREE_LOCK(?) AS free', [testDatabaseLockName(name)])) as Array<{
        free: number | bigint | null
      }>
      if (Number(free?.free) !== 1) continue
      await conn.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`)
      dropped.push(name)
    }
    return dropped
  } finally {
    await conn.end()
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
