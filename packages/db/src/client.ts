import { PrismaMariaDb } from '@prisma/adapter-mariadb'
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client'
import type { Pool } from 'mariadb'
import { DbBreaker, DbProbe } from './breaker.js'
import { assertDbBounds, type DbConfig, parseDatabaseUrl } from './config.js'
import { PrismaClient } from './generated/prisma/client.js'
import { guardPool } from './guarded-pool.js'
import { checkHealth, type DbHealth, summarizeError } from './health.js'
import type { DbLogger } from './logger.js'
import { type DbMetrics, poolCounts, replicaPoolTracker, statementMetrics, withFallbackMetrics } from './metrics.js'
import { openPool, poolWhere } from './pool.js'
import { createReplicaReads, type ReplicaHooks, type ReplicaStatus } from './replicas.js'
import { type RowReader, rowReader } from './rows.js'
import { POOL_COLLATION } from './session.js'
import { slowQueryLog, type StatementObserver } from './slow-query-log.js'

export interface Db {
  /** The primary: every write, every transaction, and reads that must see the caller's own writes. */
  prisma: PrismaClient
  /**
   * For public reads that may be a little stale: a healthy replica of DATABASE_REPLICA_URLS, else the primary; a
   * read that fails on a replica because it went away is run again on the primary. The primary itself when no
   * replicas are configured. Writes and transactions through it still go to the primary, but then read your own
   * writes through `prisma`.
   */
  read: PrismaClient
  /** Rows of one statement straight from the driver, on the primary (see rows.ts): hot reads of what was just written. */
  rows: RowReader
  /** Rows of one statement straight from the driver, routed as `read` routes it: the hot public reads (see rows.ts). */
  readRows: RowReader
  /** Each replica's last known state (empty without replicas); checked in the background. */
  replicaStatus(): ReplicaStatus[]
  /** Starts the replicas' background checks now rather than at the first read. */
  startReplicaChecks(): void
  /** Settles within `timeoutMs` (default DB_HEALTH_TIMEOUT_MS) even when the database cannot be reached. */
  healthCheck(timeoutMs?: number): Promise<DbHealth>
  /** Closes the pool; queries still waiting for a connection are rejected rather than waited for. */
  disconnect(): Promise<void>
  /** Open while the probe finds the database down: queries then fail at once as unavailable (503). */
  breaker: DbBreaker
  /** Calls `listener` with every statement's SQL and duration (as the pool sees them) until the returned stop. */
  observeStatements(listener: StatementObserver): () => void
}

export interface CreateDbOptions extends ReplicaHooks {
  /** Receives pool counts, statement durations and replica fallbacks (service-kit's `app.metrics.db`). */
  readonly metrics?: DbMetrics
}

/**
 * Builds a Prisma client over the mariadb driver (no Rust engine), with the pool sized and timed from config,
 * and pool events, query errors and slow queries logged through `logger`. Every pool connection gets the
 * legacy collation, the configured sql_mode and the server-side statement limit; every statement runs under the
 * watchdog; a breaker probed in the background fails queries at once while the database is down. Nothing
 * connects until the first query or `prisma.$connect()`. With DATABASE_REPLICA_URLS, `read` spreads public reads
 * over the replicas (see replicas.ts); `hooks.onReplicaFallback` hears of every read that fell back to the primary.
 * With `options.metrics`, pool counts, statement durations and replica fallbacks are reported there.
 */
export function createDb(config: DbConfig, logger: DbLogger, options: CreateDbOptions = {}): Db {
  const { metrics, ...replicaHooks } = options
  const hooks = metrics ? withFallbackMetrics(replicaHooks, metrics) : replicaHooks
  assertDbBounds(config)
  const connection = parseDatabaseUrl(config.DATABASE_URL)
  const where = poolWhere(connection)
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
  // Every statement the guarded pools time goes to each of these: the slow-query log, the metrics, and the
  // listeners of `observeStatements`.
  const statementListeners = new Set<StatementObserver>([
    slowQueryLog(logger, { thresholdMs: config.DB_SLOW_QUERY_MS, maxPerSecond: config.DB_SLOW_QUERY_LOG_PER_SECOND }),
  ])
  if (metrics) statementListeners.add(statementMetrics(metrics))
  const onStatement: StatementObserver = (sql, durationMs) => {
    for (const listener of statementListeners) listener(sql, durationMs)
  }
  const replicaPools = metrics ? replicaPoolTracker(metrics) : undefined
  const guard = (pool: Pool, poolBreaker: DbBreaker) => {
    // Replica pools come with their own breaker; the primary's is this one.
    if (poolBreaker !== breaker) replicaPools?.add(pool)
    return guardPool(pool, { breaker: poolBreaker, watchdogMs: config.DB_QUERY_WATCHDOG_MS, onStatement })
  }
  const adapter = new ObservedAdapterFactory(
    () => {
      const pool = openPool(connection, config, logger, where)
      probe?.start()
      metrics?.trackPool('primary', () => poolCounts(pool))
      return guard(pool, breaker)
    },
    () => {
      void probe?.stop()
      logger.info({ db: where }, 'database pool closed')
    },
  )
  const prisma = observedClient(adapter, logger)
  const replicas = createReplicaReads(config, logger, { primaryPool: () => adapter.pool(), guard, hooks })
  const read = replicas ? observedClient(replicas.adapter, logger) : prisma
  const rows = rowReader((sql, values) => adapter.pool().query(sql, values))

  return {
    prisma,
    read,
    rows,
    readRows: replicas ? rowReader(replicas.query) : rows,
    replicaStatus: () => replicas?.status() ?? [],
    healthCheck: (timeoutMs = config.DB_HEALTH_TIMEOUT_MS) => checkHealth(rows, timeoutMs),
    startReplicaChecks: () => replicas?.start(),
    async disconnect() {
      await probe?.stop()
      await Promise.all([
        adapter.endPool(),
        prisma.$disconnect(),
        ...(replicas ? [read.$disconnect(), replicas.stop()] : []),
      ])
    },
    breaker,
    observeStatements(listener) {
      statementListeners.add(listener)
      return () => statementListeners.delete(listener)
    },
  }
}

/** A Prisma client over `adapter` whose query errors and warnings are logged through `logger`. */
function observedClient(adapter: SqlDriverAdapterFactory, logger: DbLogger): PrismaClient {
  // No `query` log level: Prisma would build and emit an event for every query. The guarded pool times statements.
  const prisma = new PrismaClient({
    adapter,
    log: [
      { emit: 'event', level: 'error' },
      { emit: 'event', level: 'warn' },
      { emit: 'event', level: 'info' },
    ],
  })
  prisma.$on('error', (event) =>
    logger.warn({ target: event.target, error: summarizeError(event.message) }, 'database query failed'),
  )
  prisma.$on('warn', (event) => logger.warn({ target: event.target }, event.message))
  prisma.$on('info', (event) => logger.debug({ target: event.target }, event.message))
  return prisma
}

/**
 * A driver-adapter factory that creates the pool itself, so its events are observed from the first connection
 * attempt (the stock factory probes the server before handing the pool out). Prisma calls `connect()` again
 * after `$disconnect()`; the pool is opened when none is open and ended by the adapter's dispose. The replica
 * reads share it (`pool()`) for their fallback, so the primary never gets a second pool.
 */
class ObservedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = 'mysql'
  readonly adapterName = '@prisma/adapter-mariadb'
  #pool: Pool | undefined

  constructor(
    private readonly open: () => Pool,
    private readonly onClose: () => void,
  ) {}

  /** The open (guarded) pool, opened now if there is none. */
  pool(): Pool {
    if (!this.#pool || this.#pool.closed) this.#pool = this.open()
    return this.#pool
  }

  async connect() {
    const pool = this.pool()
    // The text protocol skips the prepare/execute/close round trips the binary protocol makes for every query
    // without a statement cache; parameters are still escaped by the driver.
    const adapter = await new PrismaMariaDb(pool, { useTextProtocol: true, disposeExternalPool: true }).connect()
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
