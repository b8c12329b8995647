// `pnpm db:seed`: the business scenarios; `pnpm db:seed -- --scale 100000`: the scenarios plus benchmark volume.
// Exit status: 0 seeded, 1 the seed failed (connection, unmigrated database, ...), 2 usage error.
import { parseArgs } from 'node:util'
import { type Connection, createConnection, SqlError } from 'mariadb'
import pino from 'pino'
import { createDb } from '../client.js'
import { type DbConfig, parseDatabaseUrl, parseDbConfig } from '../config.js'
import { summarizeError } from '../health.js'
import { PLATFORM_TIME_ZONE } from '../seed/clock.js'
import { SEED_PASSWORD } from '../seed/passwords.js'
import { seedScenarios } from '../seed/scenario-seed.js'
import { formatTally } from '../seed/tally.js'
import { seedVolume } from '../seed/volume/volume-seed.js'
import { type CliIo, processIo, runIfMain } from './main.js'

const USAGE = `Usage: pnpm db:seed [-- --scale <n>] [--customers <n>] [--consultants <n>]

Seeds the database in DATABASE_URL (default mysql://root@127.0.0.1:3306/consultation), which must be migrated.
Always creates or refreshes the business scenarios (idempotent). With a volume option it then adds benchmark rows:
  --scale <n>        n customers and n/10 consultants (e.g. --scale 100000)
  --customers <n>    volume customers (overrides --scale)
  --consultants <n>  volume consultants (overrides --scale)
Volume rows use @volume.seed.test e-mails; rows already present are skipped, so re-running adds nothing and a
larger number tops up.`

export type SeedIo = CliIo

interface VolumeRequest {
  customers: number
  consultants: number
}

export async function runSeed(argv: readonly string[], io: SeedIo): Promise<number> {
  let volume: VolumeRequest | undefined
  let config: DbConfig
  try {
    const parsed = parseSeedArgs(argv)
    if (parsed === 'help') {
      io.stdout(USAGE)
      return 0
    }
    volume = parsed
    config = parseDbConfig(io.env)
  } catch (error) {
    io.stderr(`db:seed: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }

  const { host, port, database } = parseDatabaseUrl(config.DATABASE_URL)
  const where = `${host}:${port}/${database ?? ''}`
  const started = performance.now()
  const problem = await preflight(config)
  if (problem) {
    io.stderr(`db:seed: cannot seed ${where}: ${problem}`)
    return 1
  }
  // A seed is a batch, not a request: no statement limit, no watchdog, no breaker on its connections.
  const unlimited = { ...config, DB_QUERY_TIMEOUT_MS: 0, DB_QUERY_WATCHDOG_MS: 0, DB_BREAKER_PROBE_INTERVAL_MS: 0 }
  const db = createDb(unlimited, pino({ level: 'error' }, pino.destination(2)))
  try {
    const scenarios = await seedScenarios(db.prisma)
    io.stdout(`Scenarios in ${where} (today ${scenarios.today} in ${PLATFORM_TIME_ZONE}):`)
    for (const line of formatTally(scenarios.tally)) io.stdout(`  ${line}`)
    io.stdout(`  scenario accounts sign in with the password ${SEED_PASSWORD}`)
  } catch (error) {
    io.stderr(`db:seed: scenarios failed on ${where}: ${summarizeError(error)}`)
    return 1
  } finally {
    await db.disconnect()
  }

  if (volume) {
    io.stdout(`Volume: ${volume.customers} customers and ${volume.consultants} consultants requested`)
    try {
      const onProgress = (message: string) => io.stderr(`  ${message}`)
      const result = await seedVolume(config.DATABASE_URL, { ...volume, onProgress })
      io.stdout(`  customers: ${result.customers.created} added, ${result.customers.present} already present`)
      io.stdout(`  consultants: ${result.consultants.created} added, ${result.consultants.present} already present`)
      const rows = Object.entries(result.rows)
      io.stdout(`  rows inserted: ${rows.length === 0 ? 'none' : rows.map(([table, n]) => `${table} ${n}`).join(', ')}`)
    } catch (error) {
      io.stderr(`db:seed: volume failed on ${where}: ${summarizeError(error)}`)
      return 1
    }
  }
  io.stdout(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return 0
}

/** 'help', the volume to add, or undefined for scenarios only; throws on bad usage. */
export function parseSeedArgs(argv: readonly string[]): VolumeRequest | 'help' | undefined {
  // `pnpm db:seed -- --scale 1000` hands the script a literal `--` before the options.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv]
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string' },
      customers: { type: 'string' },
      consultants: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const scale = count('--scale', values.scale)
  const customers = count('--customers', values.customers) ?? scale
  const consultants =
    count('--consultants', values.consultants) ?? (scale === undefined ? undefined : Math.floor(scale / 10))
  if (customers === undefined && consultants === undefined) return undefined
  return { customers: customers ?? 0, consultants: consultants ?? 0 }
}

function count(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new Error(`${option} takes a whole number, got "${value}"`)
  return Number(value)
}

const APPLY = '`pnpm db:apply`'
const SEEDED_TABLES = ['customers', 'consultants', 'configuration_settings']

/**
 * The usual reasons a seed cannot run on a developer machine, in words: through Prisma's pool an unknown database
 * or a stopped server only shows up as a pool timeout after DB_ACQUIRE_TIMEOUT_MS.
 */
async function preflight(config: DbConfig): Promise<string | undefined> {
  let conn: Connection
  try {
    const target = parseDatabaseUrl(config.DATABASE_URL)
    conn = await createConnection({ ...target, connectTimeout: config.DB_CONNECT_TIMEOUT_MS })
  } catch (error) {
    const message = error instanceof SqlError ? (error.sqlMessage ?? error.message) : String(error)
    return `${message}\n  (is the server running and DATABASE_URL right? The database must exist, migrated by ${APPLY})`
  }
  try {
    const [row] = await conn.query(
      'SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?)',
      [SEEDED_TABLES],
    )
    const migrated = Number(row.n) === SEEDED_TABLES.length
    return migrated ? undefined : `the database is not migrated (no legacy tables); run ${APPLY} first`
  } finally {
    await conn.end()
  }
}

runIfMain(import.meta.url, 'db:seed', () => runSeed(process.argv.slice(2), processIo()), 1)
