import fp from 'fastify-plugin'
import { type CreateDbOptions, createDb, type Db } from './client.js'
import type { DbConfig } from './config.js'
import type { PrismaClient } from './generated/prisma/client.js'
import type { DbHealth } from './health.js'
import type { ReplicaStatus } from './replicas.js'

/** `metrics`: where pool counts, statement durations and replica fallbacks go (service-kit's `app.metrics.db`). */
export interface DbPluginOptions extends CreateDbOptions {
  config: DbConfig
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The primary's Prisma client: writes, auth, and reads of what the caller just wrote. Only repositories touch it. */
    db: PrismaClient
    /** Public reads that may lag a little: a healthy read replica, else the primary (see `Db.read`). Repositories only. */
    dbRead: PrismaClient
    /** Rows of one statement from the driver itself, on the primary (see `Db.rows`). Repositories only. */
    dbRows: Db['rows']
    /** Rows of one statement from the driver itself, routed as `dbRead` (see `Db.readRows`). Repositories only. */
    dbReadRows: Db['readRows']
    /** Each read replica's last known state; empty without DATABASE_REPLICA_URLS. */
    dbReplicas: () => ReplicaStatus[]
    /** `SELECT 1` within a timeout (DB_HEALTH_TIMEOUT_MS by default); never rejects, never hangs. */
    dbHealth: (timeoutMs?: number) => Promise<DbHealth>
    /** Every statement's SQL and duration, as the pool runs them, until the returned stop (tests, metrics). */
    observeDbStatements: Db['observeStatements']
  }
}

/**
 * Decorates `app.db`, `app.dbRead`, `app.dbRows`, `app.dbReadRows`, `app.dbReplicas` and `app.dbHealth`. When the
 * app becomes ready it opens the pool, starts the replica checks and logs whether the database answered, without
 * failing start-up: the service stays up and reports not-ready until the database comes back, and Prisma
 * reconnects on the next query. The pools are closed when the app closes.
 */
export const dbPlugin = fp<DbPluginOptions>(
  async (app, { config, ...hooks }) => {
    const db = createDb(config, app.log, hooks)
    app.decorate('db', db.prisma)
    app.decorate('dbRead', db.read)
    app.decorate('dbRows', db.rows)
    app.decorate('dbReadRows', db.readRows)
    app.decorate('dbReplicas', db.replicaStatus)
    app.decorate('dbHealth', db.healthCheck)
    app.decorate('observeDbStatements', db.observeStatements)

    app.addHook('onReady', async () => {
      db.startReplicaChecks()
      // The first query also opens the pool and handshakes, so allow it the connect timeout.
      const health = await db.healthCheck(Math.max(config.DB_HEALTH_TIMEOUT_MS, config.DB_CONNECT_TIMEOUT_MS))
      if (health.ok) app.log.info({ latencyMs: health.latencyMs }, 'database reachable')
      else app.log.error({ error: health.error }, 'database unreachable at start-up; readiness reports it until it answers')
    })
    app.addHook('onClose', async () => {
      await db.disconnect()
    })
  },
  { name: '@cp/db', fastify: '5.x' },
)
