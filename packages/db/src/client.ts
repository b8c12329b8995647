import type { EventEmitter } from 'node:events'
import { PrismaMariaDb } from '@prisma/adapter-mariadb'
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client'
import { createPool, type Pool, type PoolConfig } from 'mariadb'
import { DbBreaker, DbProbe } from './breaker.js'
import { assertDbBounds, type DbConfig, parseDatabaseUrl } from './config.js'
import { PrismaClient } from './generated/prisma/client.js'
import { guardPool } from './guarded-pool.js'
import { checkHealth, type DbHealth, summarizeError } from './health.js'
import type { DbLogger } from './logger.js'
import { type DbMetrics, observeQueries, poolCounts } from './metrics.js'
import { applySessionSettings, POOL_COLLATION, type RawPoolConnection } from './session.js'

export interface Db {
  prisma: PrismaClient
  /** Settles within `timeoutMs` (default DB_HEALTH_TIMEOUT_MS) even when the database cannot be reached. */
  healthCheck(timeoutMs?: number): Promise<DbHealth>
  /** Closes the pool; queries still waiting for a connection are rejected rather than waited for. */
  disconnect(): Promise<void>
  /** Open while the probe finds the database down: queries then fail at once as unavailable (503). */
  breaker: DbBreaker
}

/**
 * Builds a Prisma client over the mariadb driver (no Rust engine), with the pool sized and timed from config,
 * and pool events, query errors and slow queries logged through `logger`. Every pool connection gets the
 * legacy collation, the configured sql_mode and the server-side statement limit; every statement runs under the
 * watchdog; a breaker probed in the background fails queries at once while the database is down. Nothing
 * connects until the first query or `prisma.$connect()`. With `options.metrics`, pool counts and query durations
 * are reported there.
 */
export interface CreateDbOptions {
  /** Receives pool counts, query durations and replica fallbacks (service-kit's `app.metrics.db`). */
  readonly metrics?: DbMetrics
}

export function createDb(config: DbConfig, logger: DbLogger, options: CreateDbOptions = {}): Db {
  const { metrics } = options
  assertDbBounds(config)
  const connection = parseDatabaseUrl(config.DATABASE_URL)
  const where = { host: connection.host, port: connection.port, database: connection.database }
  const breaker = new DbBreaker()
  const probe =
    config.DB_BREAKER_PROBE_INTERVAL_MS > 0
      ? new DbProbe(
          { ...connection, collation: POOL_COLLATION },
          { intervalMs: config.DB_BREAKER_PROBE_INTERVAL_MS, timeoutMs: config.DB_BREAKER_PROBE_TIMEOUT_MS },
          breaker,
          logger,
          where,
        )
      : undefined
  const adapter = new ObservedAdapterFactory(
    {
      ...connection,
      collation: POOL_COLLATION,
      connectionLimit: config.DB_POOL_SIZE,
      connectTimeout: config.DB_CONNECT_TIMEOUT_MS,
      acquireTimeout: config.DB_ACQUIRE_TIMEOUT_MS,
    },
    (pool) => {
      logger.info({ db: where, poolSize: config.DB_POOL_SIZE }, 'database pool opened')
      probe?.start()
      metrics?.trackPool('primary', () => poolCounts(pool))
      pool.on('connection', (conn) => {
        logger.debug({ db: where, threadId: conn.threadId }, 'database connection opened')
        applySessionSettings(conn as unknown as RawPoolConnection, config, (error) =>
          logger.error({ db: where, err: error }, 'database session settings failed; connection dropped'),
        )
      })
      pool.on('enqueue', () => logger.debug({ db: where }, 'query waits for a free database connection'))
      // The driver emits 'error' when it gives up creating a connection, but its type declarations omit it.
      ;(pool as unknown as EventEmitter).on('error', (error: Error) =>
        logger.warn({ db: where, err: error }, 'database connection failed'),
      )
    },
    () => {
      void probe?.stop()
      logger.info({ db: where }, 'database pool closed')
    },
    (pool) => guardPool(pool, { breaker, watchdogMs: config.DB_QUERY_WATCHDOG_MS }),
  )

  const prisma = new PrismaClient({
    adapter,
    log: [
      { emit: 'event', level: 'query' },
      { emit: 'event', level: 'error' },
      { emit: 'event', level: 'warn' },
      { emit: 'event', level: 'info' },
    ],
  })
  // Query events carry the SQL and its duration; params are left out because they hold tokens and hashes.
  prisma.$on('query', (event) => {
    if (event.duration >= config.DB_SLOW_QUERY_MS) {
      logger.warn({ durationMs: Math.round(event.duration * 100) / 100, query: event.query }, 'slow query')
    }
  })
  if (metrics) observeQueries(prisma, metrics)
  prisma.$on('error', (event) =>
    logger.warn({ target: event.target, error: summarizeError(event.message) }, 'database query failed'),
  )
  prisma.$on('warn', (event) => logger.warn({ target: event.target }, event.message))
  prisma.$on('info', (event) => logger.debug({ target: event.target }, event.message))

  return {
    prisma,
    healthCheck: (timeoutMs = config.DB_HEALTH_TIMEOUT_MS) => checkHealth(prisma, timeoutMs),
    async disconnect() {
      await probe?.stop()
      await Promise.all([adapter.endPool(), prisma.$disconnect()])
    },
    breaker,
  }
}

/**
 * A driver-adapter factory that creates the pool itself, so its events are observed from the first connection
 * attempt (the stock factory probes the server before handing the pool out). Prisma calls `connect()` again
 * after `$disconnect()`, so every call builds a fresh pool that the adapter owns and ends on dispose.
 */
class ObservedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = 'mysql'
  readonly adapterName = '@prisma/adapter-mariadb'
  #pool: Pool | undefined

  constructor(
    private readonly poolConfig: PoolConfig,
    private readonly onPool: (pool: Pool) => void,
    private readonly onClose: () => void,
    private readonly guard: (pool: Pool) => Pool,
  ) {}

  async connect() {
    // prepareCacheLength 0 mirrors the stock factory (it matters only if the binary protocol is used).
    const pool = createPool({ prepareCacheLength: 0, ...this.poolConfig })
    this.#pool = pool
    this.onPool(pool)
    // The text protocol skips the prepare/execute/close round trips the binary protocol makes for every query
    // without a statement cache; parameters are still escaped by the driver.
    const adapter = await new PrismaMariaDb(this.guard(pool), { useTextProtocol: true, disposeExternalPool: true }).connect()
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      if (!pool.closed) await dispose()
      this.onClose()
    }
    return adapter
  }

  /**
   * Prisma's `$disconnect()` first waits for a `connect()` in progress, and the adapter's connect runs a
   * `SELECT VERSION()` that waits the whole acquire timeout when the server is unreachable. Ending the pool
   * rejects that wait at once, so shutting down never hangs on a dead database.
   */
  async endPool(): Promise<void> {
    const pool = this.#pool
    if (pool && !pool.closed) await pool.end()
  }
}
