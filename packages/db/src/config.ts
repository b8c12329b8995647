import { type Static, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { PoolConfig } from 'mariadb'

/** MySQL 8.4's default sql_mode: production runs with it, so every session here does too, MariaDB included. */
export const MYSQL_DEFAULT_SQL_MODE =
  'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'

export const DbConfigSchema = Type.Object({
  DATABASE_URL: Type.String({
    pattern: '^(mysql|mariadb)://',
    default: 'mysql://root@127.0.0.1:3306/consultation',
    description: 'mysql://user:password@host:port/database[?driverOption=value]',
  }),
  DATABASE_REPLICA_URLS: Type.String({
    pattern: '^((mysql|mariadb)://[^,\\s]+( *, *(mysql|mariadb)://[^,\\s]+)*)?$',
    default: '',
    description:
      'Read replicas for public reads, comma-separated, each like DATABASE_URL (same database name); empty = none. ' +
      'Their user needs REPLICATION CLIENT (SHOW REPLICA STATUS)',
  }),
  DB_REPLICA_MAX_LAG_SECONDS: Type.Integer({
    minimum: 0,
    maximum: 86_400,
    default: 5,
    description: 'A replica further behind than this (Seconds_Behind_Source) is skipped until it catches up',
  }),
  DB_REPLICA_CHECK_INTERVAL_MS: Type.Integer({
    minimum: 50,
    maximum: 60_000,
    default: 1000,
    description: 'How often each replica is asked for its replication state (its own connection)',
  }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
  DB_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 1, default: 5000 }),
  DB_ACQUIRE_TIMEOUT_MS: Type.Integer({ minimum: 1, default: 10000 }),
  DB_SLOW_QUERY_MS: Type.Integer({
    minimum: 0,
    default: 200,
    description: 'A statement that takes at least this long (pool wait included) is logged as `slow query` at warn',
  }),
  DB_SLOW_QUERY_LOG_PER_SECOND: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    default: 5,
    description:
      'Most `slow query` warnings written per second; the rest are counted into the next one written (`suppressed`)',
  }),
  DB_HEALTH_TIMEOUT_MS: Type.Integer({ minimum: 1, default: 1000 }),
  DB_QUERY_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    maximum: 3_600_000,
    default: 5000,
    description:
      'Server-side limit per statement (MariaDB max_statement_time: every statement; MySQL max_execution_time: ' +
      'read-only SELECTs); 0 = none',
  }),
  DB_QUERY_WATCHDOG_MS: Type.Integer({
    minimum: 0,
    maximum: 3_600_000,
    default: 7000,
    description:
      'Client-side bound on any one query or transaction statement (also writes on MySQL and a peer that stopped ' +
      'answering): the connection is destroyed and the query fails as unavailable; 0 = none',
  }),
  DB_BREAKER_PROBE_INTERVAL_MS: Type.Integer({
    minimum: 0,
    maximum: 60_000,
    default: 500,
    description: 'How often a dedicated connection pings the server to open or close the breaker; 0 = no breaker',
  }),
  DB_BREAKER_PROBE_TIMEOUT_MS: Type.Integer({
    minimum: 1,
    maximum: 60_000,
    default: 1000,
    description: 'A probe (connect or ping) slower than this counts as the database being down',
  }),
  DB_SQL_MODE: Type.String({
    pattern: '^(server|[A-Z_]*(,[A-Z_]+)*)$',
    default: MYSQL_DEFAULT_SQL_MODE,
    description: "sql_mode set on every pool connection (MySQL 8.4's default); `server` leaves the server's own",
  }),
})

export type DbConfig = Static<typeof DbConfigSchema>

/** Validates database settings from an environment-like record (defaults filled in, numbers converted). */
export function parseDbConfig(env: Record<string, string | undefined>): DbConfig {
  const config = Value.Parse(DbConfigSchema, env)
  assertDbBounds(config)
  return config
}

/**
 * The rules between the time limits that one variable's schema cannot state. The watchdog must leave the server
 * time to end a statement with its own error first, which keeps the connection; the watchdog destroys it.
 */
export function assertDbBounds(config: DbConfig): void {
  const { DB_QUERY_TIMEOUT_MS: server, DB_QUERY_WATCHDOG_MS: watchdog } = config
  if (server > 0 && watchdog > 0 && watchdog < server + 500) {
    throw new Error(
      `DB_QUERY_WATCHDOG_MS (${watchdog}) must be at least DB_QUERY_TIMEOUT_MS (${server}) + 500, or 0 for none`,
    )
  }
  replicaUrls(config)
}

/** The replica URLs of DATABASE_REPLICA_URLS, each checked to parse (the message never repeats a URL: passwords). */
export function replicaUrls(config: Pick<DbConfig, 'DATABASE_REPLICA_URLS'>): string[] {
  const urls = config.DATABASE_REPLICA_URLS.split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '')
  urls.forEach((url, index) => {
    try {
      parseDatabaseUrl(url)
    } catch {
      throw new Error(`DATABASE_REPLICA_URLS: entry ${index + 1} is not a mysql:// or mariadb:// URL`)
    }
  })
  return urls
}

/** The parts of a connection URL the mariadb driver takes as separate options. */
export type ConnectionOptions = Pick<PoolConfig, 'host' | 'port' | 'user' | 'password' | 'database'> &
  Record<string, unknown>

/**
 * Splits `mysql://user:password@host:port/database?option=value` into mariadb driver options. Query
 * parameters pass through as driver options (`allowPublicKeyRetrieval=true` is needed by MySQL 8.4 without
 * TLS); `true`/`false` and plain integers are converted the way the driver's own URL parser does.
 */
export function parseDatabaseUrl(databaseUrl: string): ConnectionOptions {
  const url = new URL(databaseUrl)
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must start with mysql:// or mariadb://, got ${url.protocol}//`)
  }
  const options: ConnectionOptions = {}
  for (const [key, value] of url.searchParams) options[key] = convertOption(value)
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  return {
    ...options,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost',
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username) || 'root',
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(database ? { database } : {}),
  }
}

/** The same URL pointing at another database (or at no database when `name` is undefined). */
export function withDatabase(databaseUrl: string, name: string | undefined): string {
  const url = new URL(databaseUrl)
  url.pathname = name === undefined ? '/' : `/${encodeURIComponent(name)}`
  return url.toString()
}

/** Backtick-quotes an identifier for MySQL (database names in CREATE/DROP DATABASE). */
export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``
}

function convertOption(value: string): unknown {
  if (value === 'true') return true
  if (value === 'false') return false
  if (/^-?\d+$/.test(value)) return Number(value)
  return value
}
