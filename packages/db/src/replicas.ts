import { PrismaMariaDb } from '@prisma/adapter-mariadb'
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client'
import type { Connection, Pool, PoolConnection } from 'mariadb'
import { DbBreaker, DbProbe } from './breaker.js'
import { type DbConfig, parseDatabaseUrl, replicaUrls } from './config.js'
import { isDriverConnectionFailure } from './errors.js'
import type { DbLogger } from './logger.js'
import { openPool, poolWhere, type PoolWhere } from './pool.js'
import { POOL_COLLATION } from './session.js'

/**
 * `unchecked` until the first check answers; `lagging` further behind than DB_REPLICA_MAX_LAG_SECONDS; `stopped`
 * when replication does not run (a thread stopped, or the server is no replica); `down` when it cannot be reached.
 * Only `ok` serves reads.
 */
export type ReplicaState = 'unchecked' | 'ok' | 'lagging' | 'stopped' | 'down'

export interface ReplicaStatus {
  /** `host:port`, never the credentials. */
  readonly name: string
  readonly state: ReplicaState
  /** Seconds behind the primary at the last check that could tell; null when unknown. */
  readonly lagSeconds: number | null
}

/** A read meant for a replica that the primary answered. */
export interface ReplicaFallback {
  /** `no-usable-replica`: every replica was skipped; `replica-failed`: it failed on `replica` and ran again. */
  readonly reason: 'no-usable-replica' | 'replica-failed'
  readonly replica?: string
}

export interface ReplicaHooks {
  /** Called for every fallback, synchronously and never with a failed read; for metrics. */
  onReplicaFallback?: (event: ReplicaFallback) => void
}

/** Why a replica that answers must not serve reads. */
export class ReplicaUnusable extends Error {
  constructor(
    readonly state: 'lagging' | 'stopped',
    readonly lagSeconds: number | null,
    message: string,
  ) {
    super(message)
    this.name = 'ReplicaUnusable'
  }
}

/**
 * Judges the rows of `SHOW REPLICA STATUS` (one per source) under either server's names: MySQL 8.4 says
 * `Replica_*_Running` and `Seconds_Behind_Source`, MariaDB keeps `Slave_*_Running` and `Seconds_Behind_Master`.
 * The lag is NULL while a thread is stopped, so a replica whose applier was stopped is `stopped`, not `ok`.
 */
export function replicaVerdict(
  rows: readonly Record<string, unknown>[],
  maxLagSeconds: number,
): { lagSeconds: number } | ReplicaUnusable {
  if (rows.length === 0) return new ReplicaUnusable('stopped', null, 'not a replica (SHOW REPLICA STATUS is empty)')
  let lagSeconds = 0
  for (const row of rows) {
    const io = row.Replica_IO_Running ?? row.Slave_IO_Running
    const sql = row.Replica_SQL_Running ?? row.Slave_SQL_Running
    const lag = row.Seconds_Behind_Source ?? row.Seconds_Behind_Master
    if (io !== 'Yes' || sql !== 'Yes' || lag === null || lag === undefined) {
      return new ReplicaUnusable('stopped', null, `replication not running (IO thread ${String(io)}, SQL thread ${String(sql)})`)
    }
    lagSeconds = Math.max(lagSeconds, Number(lag))
  }
  if (lagSeconds > maxLagSeconds) {
    return new ReplicaUnusable('lagging', lagSeconds, `${lagSeconds} s behind the primary (bound ${maxLagSeconds} s)`)
  }
  return { lagSeconds }
}

/** A statement a replica may answer: a SELECT that takes no locks. Anything else goes to the primary. */
export function isReplicaSafe(sql: unknown): boolean {
  const text = typeof sql === 'string' ? sql : (sql as { sql?: unknown } | null)?.sql
  if (typeof text !== 'string') return false
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)*select\b/i.test(text) && !/\bfor\s+(?:update|share)\b|\block\s+in\s+share\s+mode\b/i.test(text)
}

const silent: DbLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

/**
 * One replica: a pool for reads and a probe that asks for its replication state every DB_REPLICA_CHECK_INTERVAL_MS
 * over a connection of its own. Its breaker is closed only while the last check passed, so a replica is used only
 * after a check said so, is skipped from the check that finds it down, stopped or lagging (reads already waiting
 * on it are failed over at once), and is used again from the first check that passes.
 */
class Replica {
  readonly name: string
  readonly breaker = new DbBreaker()
  readonly #where: PoolWhere
  readonly #probe: DbProbe
  readonly #open: () => Pool
  #pool: Pool | undefined
  #state: ReplicaState = 'unchecked'
  #lagSeconds: number | null = null

  constructor(
    url: string,
    private readonly config: DbConfig,
    private readonly logger: DbLogger,
    guard: PoolGuardFactory,
  ) {
    const connection = parseDatabaseUrl(url)
    this.#where = poolWhere(connection, true)
    this.name = `${connection.host}:${connection.port}`
    this.breaker.open('not checked yet')
    this.#open = () => guard(openPool(connection, config, logger, this.#where), this.breaker)
    this.#probe = new DbProbe(
      { ...connection, collation: POOL_COLLATION },
      {
        intervalMs: config.DB_REPLICA_CHECK_INTERVAL_MS,
        timeoutMs: config.DB_BREAKER_PROBE_TIMEOUT_MS,
        check: (conn) => this.#check(conn),
        onOutcome: (failure) => this.#record(failure),
      },
      this.breaker,
      silent, // the transitions are logged below, in words that fit a replica
      this.#where,
    )
  }

  /** The replica's (guarded) pool, opened when none is open. */
  pool(): Pool {
    if (!this.#pool || this.#pool.closed) this.#pool = this.#open()
    return this.#pool
  }

  get usable(): boolean {
    return this.#state === 'ok' && !this.breaker.isOpen
  }

  status(): ReplicaStatus {
    return { name: this.name, state: this.#state, lagSeconds: this.#lagSeconds }
  }

  start(): void {
    this.#probe.start()
  }

  async stop(): Promise<void> {
    await this.#probe.stop()
    const pool = this.#pool
    if (pool && !pool.closed) await pool.end()
  }

  /** A read lost its connection: skip the replica until the next check finds it answering. */
  failed(error: unknown): void {
    this.#record(error)
    this.breaker.open('a read lost its connection')
  }

  async #check(conn: Connection): Promise<Error | undefined> {
    const rows = (await conn.query('SHOW REPLICA STATUS')) as Record<string, unknown>[]
    const verdict = replicaVerdict(rows, this.config.DB_REPLICA_MAX_LAG_SECONDS)
    if (verdict instanceof ReplicaUnusable) return verdict
    this.#lagSeconds = verdict.lagSeconds
    return undefined
  }

  #record(failure: unknown): void {
    const state: ReplicaState =
      failure === undefined ? 'ok' : failure instanceof ReplicaUnusable ? failure.state : 'down'
    if (failure !== undefined) this.#lagSeconds = failure instanceof ReplicaUnusable ? failure.lagSeconds : null
    if (state === this.#state) return
    this.#state = state
    const fields = { db: this.#where, state, lagSeconds: this.#lagSeconds }
    if (state === 'ok') this.logger.info(fields, 'read replica in use')
    else {
      const reason = failure instanceof Error ? (failure.message.split('\n')[0] ?? failure.name) : String(failure)
      this.logger.warn({ ...fields, reason }, 'read replica skipped; its reads go to the primary')
    }
  }
}

export interface ReplicaReads {
  /** The driver adapter of the read client. */
  readonly adapter: SqlDriverAdapterFactory
  /** One statement, routed as the read client's statements are (for `Db.readRows`). */
  readonly query: Statement
  status(): ReplicaStatus[]
  /** Starts the replicas' checks (also done by the first read). */
  start(): void
  stop(): Promise<void>
}

type Statement = (sql: unknown, values?: unknown) => Promise<unknown>

/** Wraps a pool in the watchdog, `breaker` and statement timing, as the primary's pool is wrapped. */
export type PoolGuardFactory = (pool: Pool, breaker: DbBreaker) => Pool

export interface ReplicaReadsOptions {
  /** The primary's open (guarded) pool: the fallback, and where writes and transactions go. */
  primaryPool: () => Pool
  guard: PoolGuardFactory
  hooks?: ReplicaHooks
}

/**
 * The replicas of DATABASE_REPLICA_URLS behind one driver adapter, or undefined when there are none. Every
 * lock-free SELECT outside a transaction goes to the next usable replica (round robin) or, when none is usable, to
 * `primaryPool`; one that fails there because the replica went away runs again on the primary, so a dying replica
 * costs a retry, not a failed request. Other statements and every transaction use the primary's pool.
 */
export function createReplicaReads(
  config: DbConfig,
  logger: DbLogger,
  { primaryPool, guard, hooks = {} }: ReplicaReadsOptions,
): ReplicaReads | undefined {
  const urls = replicaUrls(config)
  if (urls.length === 0) return undefined
  const replicas = urls.map((url) => new Replica(url, config, logger, guard))
  let started = false
  let next = 0
  const start = () => {
    if (started) return
    started = true
    for (const replica of replicas) replica.start()
  }
  const pick = (): Replica | undefined => {
    for (let tried = 0; tried < replicas.length; tried += 1) {
      const replica = replicas[next % replicas.length]
      next = (next + 1) % replicas.length
      if (replica?.usable) return replica
    }
    return undefined
  }
  const fellBack = (event: ReplicaFallback) => {
    try {
      hooks.onReplicaFallback?.(event)
    } catch (error) {
      logger.warn({ err: error }, 'onReplicaFallback hook failed')
    }
  }
  const on = (pool: Pool, method: 'query' | 'execute'): Statement => (pool[method] as Statement).bind(pool)

  const route =
    (method: 'query' | 'execute'): Statement =>
    async (sql, values) => {
      start()
      if (!isReplicaSafe(sql)) return on(primaryPool(), method)(sql, values)
      const replica = pick()
      if (!replica) {
        fellBack({ reason: 'no-usable-replica' })
        return on(primaryPool(), method)(sql, values)
      }
      try {
        return await on(replica.pool(), method)(sql, values)
      } catch (error) {
        if (!isDriverConnectionFailure(error)) throw error
        // An open breaker failed it on purpose (a check just found the replica unusable); otherwise it is news.
        if (!replica.breaker.isOpen) replica.failed(error)
        logger.warn({ replica: replica.name, err: error }, 'a read failed on a replica; it runs again on the primary')
        fellBack({ reason: 'replica-failed', replica: replica.name })
        return on(primaryPool(), method)(sql, values)
      }
    }

  // What the Prisma adapter uses of a pool: statements outside transactions, and connections for transactions.
  const routingPool = {
    query: route('query'),
    execute: route('execute'),
    getConnection: (): Promise<PoolConnection> => primaryPool().getConnection(),
    // The primary's pool belongs to the primary client; the replicas' pools end in stop().
    end: async () => {},
    closed: false,
  }

  return {
    adapter: new PrismaMariaDb(routingPool as unknown as Pool, { useTextProtocol: true }),
    query: routingPool.query,
    status: () => replicas.map((replica) => replica.status()),
    start,
    async stop() {
      await Promise.all(replicas.map((replica) => replica.stop()))
    },
  }
}
