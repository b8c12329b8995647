import type { DbConfig } from './config.js'

/** The collation of the legacy tables; MySQL 8.4's default utf8mb4_0900_ai_ci would mix with it and fail. */
export const POOL_COLLATION = 'UTF8MB4_UNICODE_CI'

export type ServerFlavor = 'mariadb' | 'mysql'

/**
 * Statements every pool connection runs before its first query. The time limit branches by server: the driver's
 * own `queryTimeout` sends MariaDB's statement to MySQL too and so breaks every MySQL connection (mariadb 3.4.5).
 * MariaDB's max_statement_time (seconds) ends every statement with error 1969; MySQL's max_execution_time
 * (milliseconds) ends read-only SELECTs only, with error 3024, which is why the client-side watchdog exists.
 */
export function sessionStatements(
  flavor: ServerFlavor,
  config: Pick<DbConfig, 'DB_QUERY_TIMEOUT_MS' | 'DB_SQL_MODE'>,
): string[] {
  const statements: string[] = []
  // The schema's pattern admits only upper-case words and commas, so the value cannot break out of its quotes.
  if (config.DB_SQL_MODE !== 'server') statements.push(`SET SESSION sql_mode = '${config.DB_SQL_MODE}'`)
  if (config.DB_QUERY_TIMEOUT_MS > 0) {
    statements.push(
      flavor === 'mariadb'
        ? `SET SESSION max_statement_time = ${config.DB_QUERY_TIMEOUT_MS / 1000}`
        : `SET SESSION max_execution_time = ${config.DB_QUERY_TIMEOUT_MS}`,
    )
  }
  return statements
}

/** The driver's connection as the pool's 'connection' event hands it out: callback style, not promises. */
export interface RawPoolConnection {
  threadId: number | null
  info: { isMariaDB(): boolean } | null
  query(command: { sql: string }, resolve: () => void, reject: (error: Error) => void): void
  destroy(): void
}

/**
 * Queues the session statements on a connection the pool just opened. The pool emits 'connection' before it hands
 * the connection to anyone, and a connection runs its commands in order, so no query can run before them. A
 * connection whose settings failed is destroyed rather than used without its limits.
 */
export function applySessionSettings(
  conn: RawPoolConnection,
  config: Pick<DbConfig, 'DB_QUERY_TIMEOUT_MS' | 'DB_SQL_MODE'>,
  onFailure: (error: Error) => void,
): void {
  const flavor: ServerFlavor = conn.info?.isMariaDB() ? 'mariadb' : 'mysql'
  for (const sql of sessionStatements(flavor, config)) {
    conn.query(
      { sql },
      () => {},
      (error) => {
        onFailure(error)
        conn.destroy()
      },
    )
  }
}
