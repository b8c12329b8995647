import type { Pool } from 'mariadb'
import type { ReplicaHooks } from './replicas.js'
import type { StatementObserver } from './slow-query-log.js'

/** A pool's counts at one moment: connections in use, connections idle, and requests queued for a connection. */
export interface DbPoolCounts {
  readonly active: number
  readonly idle: number
  readonly waiting: number
}

/**
 * Where the database layer reports what a metrics endpoint shows. `@cp/db` has no metrics library of its own:
 * a service passes an implementation (service-kit's `app.metrics.db`, backed by prom-client) to `createDb` or
 * `dbPlugin`. Every call is synchronous and cheap, and every label comes from a small fixed set, so metrics keep
 * a bounded number of series.
 */
export interface DbMetrics {
  /**
   * Names a pool (`primary`, or `replica` for the replicas' pools together) and how to read its counts; `read` runs
   * at every scrape. A later call with the same name replaces the reader (a pool is rebuilt when Prisma reconnects).
   */
  trackPool(name: string, read: () => DbPoolCounts): void
  /** One statement that finished or failed; `operation` is one of QUERY_OPERATIONS. */
  observeQuery(operation: QueryOperation, seconds: number): void
  /**
   * A read meant for a replica that the primary served instead, by `ReplicaFallback['reason']`
   * (`no-usable-replica`, `replica-failed`); never a host name or an error message.
   */
  replicaFallback(reason: string): void
}

/** SQL verbs counted on their own; every other statement counts as `OTHER`. */
export const QUERY_OPERATIONS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SET', 'OTHER'] as const
export type QueryOperation = (typeof QUERY_OPERATIONS)[number]

const LONGEST_VERB = 8
// Prisma's query event showed the transaction statements it leaves to the driver as this comment.
const IMPLICIT = '-- Implicit "'

/** The statement's SQL verb, from a small fixed set (its label must not carry table names or values). */
export function queryOperation(sql: string): QueryOperation {
  const text = sql.startsWith(IMPLICIT) ? sql.slice(IMPLICIT.length) : sql.trimStart()
  const head = text.slice(0, LONGEST_VERB + 1).toUpperCase()
  for (const verb of QUERY_OPERATIONS) {
    if (head.startsWith(verb) && !/[A-Z_]/.test(head.charAt(verb.length))) return verb
  }
  // MySQL's other way to open a transaction.
  if (head.startsWith('START')) return 'BEGIN'
  return 'OTHER'
}

/** What the mariadb pool reports right now (the driver keeps these counts; reading them costs nothing). */
export function poolCounts(pool: Pool): DbPoolCounts {
  return { active: pool.activeConnections(), idle: pool.idleConnections(), waiting: pool.taskQueueSize() }
}

/** Reports every statement the guarded pools time (pool wait included) to `metrics`, by operation. */
export function statementMetrics(metrics: DbMetrics): StatementObserver {
  return (sql, durationMs) => metrics.observeQuery(queryOperation(sql), durationMs / 1000)
}

/**
 * The replicas' pools, tracked together as the pool `replica` (their sum): a replica's pool is reopened after a
 * reconnect, and one series for all of them keeps the label set fixed.
 */
export function replicaPoolTracker(metrics: DbMetrics): { add(pool: Pool): void } {
  const pools = new Set<Pool>()
  let tracked = false
  return {
    add(pool) {
      pools.add(pool)
      if (tracked) return
      tracked = true
      metrics.trackPool('replica', () => {
        const sum = { active: 0, idle: 0, waiting: 0 }
        for (const open of pools) {
          if (open.closed) {
            pools.delete(open)
            continue
          }
          const counts = poolCounts(open)
          sum.active += counts.active
          sum.idle += counts.idle
          sum.waiting += counts.waiting
        }
        return sum
      })
    },
  }
}

/** Replica hooks that also count every fallback to the primary, by its reason. */
export function withFallbackMetrics(hooks: ReplicaHooks, metrics: DbMetrics): ReplicaHooks {
  return {
    onReplicaFallback: (event) => {
      metrics.replicaFallback(event.reason)
      hooks.onReplicaFallback?.(event)
    },
  }
}
