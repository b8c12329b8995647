import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { createDb, parseDatabaseUrl, parseDbConfig } from '@cp/db'
import { applyMigrations } from '@cp/db/tooling'
import { seedScenarios, seedVolume } from '@cp/db/seed'
import { type Connection, createConnection } from 'mariadb'
import { REPO_ROOT } from './build-check.js'

export interface Volume {
  readonly customers: number
  readonly consultants: number
}

export interface BenchDatabase {
  readonly name: string
  readonly url: string
  readonly seconds: number
}

/** The server the bench creates its databases on: TEST_DATABASE_URL, else DATABASE_URL, else the local default. */
export const serverUrl = (() => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306')
  url.pathname = '/'
  return url
})()

function databaseUrl(name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

function connect(database?: string): Promise<Connection> {
  // As @cp/db reads a URL: query parameters are driver options (`allowPublicKeyRetrieval=true` for MySQL 8.4).
  return createConnection({ ...parseDatabaseUrl(serverUrl.toString()), ...(database ? { database } : {}) })
}

// `bench_<pid>_<random>`. Each is owned through a named lock held on one connection of this process for as long as the
// database lives: the server frees it however the process ends, so a free lock proves the owner is gone (in any PID
// namespace). The tests' sweep touches only `t_…` names, never these.
const NAME = /^bench_\d+_[0-9a-f]{8}$/
const lockName = (name: string) => `cp_bench_db:${name}`
let owner: Promise<Connection> | undefined
const quiet = () => undefined
const silent = { debug: quiet, info: quiet, warn: quiet, error: quiet }
let swept = false

/** Drops the databases of bench runs that are gone (killed before their cleanup). */
async function sweepOrphans(conn: Connection): Promise<void> {
  const rows = (await conn.query("SHOW DATABASES LIKE 'bench\\_%'")) as Array<Record<string, string>>
  for (const name of rows.map((row) => Object.values(row)[0] ?? '').filter((name) => NAME.test(name))) {
    const [free] = (await conn.query('SELECT IS_FREE_LOCK(?) AS free', [lockName(name)])) as Array<{ free: number | bigint }>
    if (Number(free?.free) === 1) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``)
  }
}

/**
 * A fresh database, migrated by our applier and seeded as `pnpm db:seed` does (the business scenarios, then
 * `volume`), its statistics refreshed. `teardowns` gets its drop.
 */
export async function createBenchDatabase(volume: Volume, teardowns: Array<() => unknown>): Promise<BenchDatabase> {
  const started = performance.now()
  owner ??= connect()
  const conn = await owner
  if (!swept) {
    swept = true
    await sweepOrphans(conn)
  }
  const name = `bench_${process.pid}_${randomBytes(4).toString('hex')}`
  await conn.query('SELECT GET_LOCK(?, 0)', [lockName(name)])
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  teardowns.push(async () => {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``)
    await conn.query('SELECT RELEASE_LOCK(?)', [lockName(name)])
  })
  const url = databaseUrl(name)
  await applyMigrations({ url, migrationsDir: join(REPO_ROOT, 'prisma/migrations') })
  const db = createDb(parseDbConfig({ DATABASE_URL: url }), silent)
  try {
    await seedScenarios(db.prisma)
  } finally {
    await db.disconnect()
  }
  await seedVolume(url, volume)
  const session = await connect(name)
  try {
    // Fresh tables have no statistics yet; the plans the services rely on need them, as on a live server.
    await session.query('ANALYZE TABLE consultants, customers, consultations_orders, consultant_contract, consultant_licenses, reviews')
  } finally {
    await session.end()
  }
  return { name, url, seconds: (performance.now() - started) / 1000 }
}

/** Ends the connection that holds the databases' locks; call after the teardowns. */
export async function releaseDatabases(): Promise<void> {
  const conn = await owner?.catch(() => undefined)
  owner = undefined
  await conn?.end()
}

/** The account a consultant signs in with: the `sub` of their access token. */
export async function customerIdOf(database: BenchDatabase, consultantId: number): Promise<number> {
  const conn = await connect(database.name)
  try {
    const rows = (await conn.query('SELECT Customer_ID AS customerId FROM consultants WHERE Consultant_ID = ?', [
      consultantId,
    ])) as Array<{ customerId: number }>
    const customerId = rows[0]?.customerId
    if (customerId === undefined) throw new Error(`consultant ${consultantId} not found`)
    return customerId
  } finally {
    await conn.end()
  }
}
