import type { BaseLogger } from 'pino'

/** What the database layer logs through: satisfied by a pino logger and by Fastify's `app.log`. */
export type DbLogger = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>
