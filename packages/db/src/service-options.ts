import type { FastifyInstance } from 'fastify'
import { isDatabaseUnavailable } from './errors.js'

/**
 * What a service built on the database tells its bootstrap (`buildService({ ...databaseServiceOptions })`):
 * readiness asks the primary (`dbPlugin` must be registered on the root instance) and lists each read replica's
 * state (`replica <host:port>`: `ok`, `lagging`, `stopped`, `down` or `unchecked`) without depending on it, since
 * the primary serves the reads a replica cannot; queries that could not reach the database answer 503 with
 * Retry-After instead of 500.
 */
export const databaseServiceOptions = {
  readiness: async ({ app }: { app: FastifyInstance }): Promise<Record<string, string>> => {
    const health = await app.dbHealth()
    // The probe answers 503 and logs this; the reason never reaches the client.
    if (!health.ok) throw new Error(`database does not answer: ${health.error}`)
    const checks: Record<string, string> = { database: 'ok' }
    for (const { name, state, lagSeconds } of app.dbReplicas()) {
      checks[`replica ${name}`] = state === 'lagging' ? `lagging (${lagSeconds} s behind)` : state
    }
    return checks
  },
  isUnavailable: isDatabaseUnavailable,
} as const
