import type { EventEmitter } from 'node:events'
import { createPool, type Pool } from 'mariadb'
import type { ConnectionOptions, DbConfig } from './config.js'
import type { DbLogger } from './logger.js'
import { ROW_DECODING } from './rows.js'
import { applySessionSettings, POOL_COLLATION, type RawPoolConnection } from './session.js'

/** Where a pool points, for logs: never the user or password. */
export interface PoolWhere {
  host: string | undefined
  port: number | undefined
  database: string | undefined
  replica?: true
}

export function poolWhere(connection: ConnectionOptions, replica = false): PoolWhere {
  return { host: connection.host, port: connection.port, database: connection.database, ...(replica ? { replica } : {}) }
}

/**
 * A pool to one server, sized and timed from config, decoding as `Db.rows` promises (ROW_DECODING), with its events
 * logged and every new connection given the legacy collation, the configured sql_mode and the server-side statement
 * limit before anyone can use it.
 */
export function openPool(connection: ConnectionOptions, config: DbConfig, logger: DbLogger, where: PoolWhere): Pool {
  // prepareCacheLength 0 mirrors the stock adapter factory (it matters only if the binary protocol is used).
  const pool = createPool({
    prepareCacheLength: 0,
    ...ROW_DECODING,
    ...connection,
    collation: POOL_COLLATION,
    connectionLimit: config.DB_POOL_SIZE,
    connectTimeout: config.DB_CONNECT_TIMEOUT_MS,
    acquireTimeout: config.DB_ACQUIRE_TIMEOUT_MS,
  })
  logger.info({ db: where, poolSize: config.DB_POOL_SIZE }, 'database pool opened')
  pool.on('connection', (conn) => {
    logger.debug({ db: where, threadId: conn.threadId }, 'database connection opened')
    applySessionSettings(conn as unknown as RawPoolConnection, config, (error) =>
      logger.error({ db: where, err: error }, 'database session settings failed; connection dropped'),
    )
  })
  pool.on('enqueue', () => logger.debug({ db: where }, 'query waits for a free database connection'))
  // The driver emits 'error' when it gives up creating a connection, but its type declarations omit it.
  ;(pool as unknown as EventEmitter).on('error', (error: Error) =>
    logger.warn({ db: where, err: error }, 'database connection failed'),
  )
  return pool
}
