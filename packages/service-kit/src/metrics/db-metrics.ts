import { Counter, Gauge, Histogram, type Registry } from 'prom-client'

/** Seconds; database statements here take from a fraction of a millisecond up to the statement time limit. */
export const DB_QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** A pool's counts at one moment (the shape `@cp/db` reports). */
export interface PoolCounts {
  readonly active: number
  readonly idle: number
  readonly waiting: number
}

/**
 * The prom-client side of `@cp/db`'s `DbMetrics` sink (service-kit does not import `@cp/db`: the app hands
 * `app.metrics.db` to `dbPlugin`, and TypeScript checks the two shapes agree there).
 */
export interface DbMetricsSink {
  trackPool(name: string, read: () => PoolCounts): void
  observeQuery(operation: string, seconds: number): void
  replicaFallback(reason: string): void
}

/** Registers `db_pool_connections`, `db_query_duration_seconds` and `db_replica_fallbacks_total` in `registry`. */
export function createDbMetrics(registry: Registry): DbMetricsSink {
  const pools = new Map<string, () => PoolCounts>()
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool: connections in use (active), idle ones, and queries waiting for a connection (waiting)',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      for (const [pool, read] of pools) {
        const counts = read()
        this.set({ pool, state: 'active' }, counts.active)
        this.set({ pool, state: 'idle' }, counts.idle)
        this.set({ pool, state: 'waiting' }, counts.waiting)
      }
    },
  })
  const queryDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Duration of database statements by SQL verb, as Prisma reports them',
    labelNames: ['operation'] as const,
    buckets: DB_QUERY_BUCKETS,
    registers: [registry],
  })
  const fallbacks = new Counter({
    name: 'db_replica_fallbacks_total',
    help: 'Reads meant for a read replica that the primary served instead, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  // One child per operation, made once: labels are not hashed again for every statement.
  const byOperation = new Map<string, Histogram.Internal<'operation'>>()
  return {
    trackPool(name, read) {
      pools.set(name, read)
    },
    observeQuery(operation, seconds) {
      let child = byOperation.get(operation)
      if (child === undefined) {
        child = queryDuration.labels(operation)
        byOperation.set(operation, child)
      }
      child.observe(seconds)
    },
    replicaFallback(reason) {
      fallbacks.inc({ reason })
    },
  }
}
