import fp from 'fastify-plugin'
import { createDb } from './client.js'
import type { DbConfig } from './config.js'
import type { PrismaClient } from './generated/prisma/client.js'
import type { DbHealth } from './health.js'
import type { DbMetrics } from './metrics.js'

export interface DbPluginOptions {
  config: DbConfig
  /** Where pool counts, query durations and replica fallbacks go (service-kit's `app.metrics.db`). */
  metrics?: DbMetrics
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The Prisma client; only repositories should touch it. */
    db: PrismaClient
    /** `SELECT 1` within a timeout (DB_HEALTH_TIMEOUT_MS by default); never rejects, never hangs. */
    dbHealth: (timeoutMs?: number) => Promise<DbHealth>
  }
}

/**
 * Decorates `app.db` and `app.dbHealth`. When the app becomes ready it opens the pool and logs whether the
 * database answered, without failing start-up: the service stays up and reports not-ready until the database
 * comes back, and Prisma reconnects on the next query. The pool is closed when the app closes.
 */
export const dbPlugin = fp<DbPluginOptions>(
  async (app, { config, metrics }) => {
    const db = createDb(config, app.log, metrics ? { metrics } : {})
    app.decorate('db', db.prisma)
    app.decorate('dbHealth', db.healthCheck)

    app.addHook('onReady', async () => {
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
