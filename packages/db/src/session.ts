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

/**
 * The pool's `initSql`: the driver runs it while connecting, before the pool can hand the connection to anyone
 * (its 'connection' event comes too late: a waiting query may already be queued on it). The server branch is taken
 * by the server itself, in a prepared statement chosen by VERSION(), as the flavour is not known before connecting.
 */
export function sessionInitSql(config: Pick<DbConfig, 'DB_QUERY_TIMEOUT_MS' | 'DB_SQL_MODE'>): string[] {
  const [mariadb, mysql] = [sessionStatements('mariadb', config), sessionStatements('mysql', config)]
  const shared = mariadb.filter((sql) => mysql.includes(sql))
  const limitMariadb = mariadb.find((sql) => !shared.includes(sql))
  const limitMysql = mysql.find((sql) => !shared.includes(sql))
  if (!limitMariadb || !limitMysql) return shared
  return [
    ...shared,
    `SET @cp_session_limit = IF(VERSION() LIKE '%MariaDB%', '${limitMariadb}', '${limitMysql}')`,
    'PREPARE cp_session_limit FROM @cp_session_limit',
    'EXECUTE cp_session_limit',
    'DEALLOCATE PREPARE cp_session_limit',
    'SET @cp_session_limit = NULL',
  ]
}
