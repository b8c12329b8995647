import type { Pool } from 'mariadb'

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
   * Names a pool (`primary`, `replica-1`, ...) and how to read its counts; `read` runs at every scrape. A later call
   * with the same name replaces the reader (a pool is rebuilt when Prisma reconnects).
   */
  trackPool(name: string, read: () => DbPoolCounts): void
  /** One statement that finished or failed; `operation` is one of QUERY_OPERATIONS. */
  observeQuery(operation: QueryOperation, seconds: number): void
  /**
   * A read meant for a replica that the primary served instead. `reason` is a short fixed word such as `down`
   * (unreachable or failing) or `lagging` (behind the configured bound); never a host name or an error message.
   */
  replicaFallback(reason: string): void
}

/** SQL verbs counted on their own; every other statement counts as `OTHER`. */
export const QUERY_OPERATIONS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SET', 'OTHER'] as const
export type QueryOperation = (typeof QUERY_OPERATIONS)[number]

const LONGEST_VERB = 8
// Prisma reports the transaction statements it leaves to the driver as this comment.
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

/** The Prisma `query` event's fields this module reads (duration in milliseconds). */
interface QueryEvent {
  readonly query: string
  readonly duration: number
}

/** Feeds every statement Prisma reports to `metrics` as a duration by operation. */
export function observeQueries(
  prisma: { $on(event: 'query', listener: (event: QueryEvent) => void): void },
  metrics: DbMetrics,
): void {
  prisma.$on('query', (event) => metrics.observeQuery(queryOperation(event.query), event.duration / 1000))
}
