import type { FastifyInstance } from 'fastify'
import { isDatabaseUnavailable } from './errors.js'

/**
 * What a service built on the database tells its bootstrap (`buildService({ ...databaseServiceOptions })`):
 * readiness asks the database (`dbPlugin` must be registered on the root instance), and queries that could
 * not reach it answer 503 with Retry-After instead of 500.
 */
export const databaseServiceOptions = {
  readiness: async ({ app }: { app: FastifyInstance }): Promise<Record<string, string>> => {
    const health = await app.dbHealth()
    // The probe answers 503 and logs this; the reason never reaches the client.
    if (!health.ok) throw new Error(`database does not answer: ${health.error}`)
    return { database: 'ok' }
  },
  isUnavailable: isDatabaseUnavailable,
} as const
