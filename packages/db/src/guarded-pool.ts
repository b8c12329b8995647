import type { Pool, PoolConnection } from 'mariadb'
import { type DbBreaker, DatabaseUnavailableError, WATCHDOG_ERRNO } from './breaker.js'
import { type StatementObserver, statementText } from './slow-query-log.js'

export interface PoolGuard {
  breaker: DbBreaker
  /** Longest wait for one statement's answer; 0 = no watchdog. */
  watchdogMs: number
  /** Told every statement's SQL and duration once it settles (answered, failed or abandoned). */
  onStatement?: StatementObserver
}

/**
 * The pool as the Prisma adapter sees it. Every statement fails at once while the breaker is open, fails the moment
 * it opens (also while waiting for a connection), and runs under the watchdog; a transaction's connection is
 * destroyed when one of its statements is abandoned. The driver's `socketTimeout` is not used for that: in mariadb 3.4.5 it is the socket's idle
 * timeout (`socket.setTimeout`), so it would also close every pooled connection that sits idle that long.
 */
export function guardPool(pool: Pool, guard: PoolGuard): Pool {
  const getConnection = async (): Promise<PoolConnection> => {
    const conn = await guard.breaker.race(pool.getConnection(), (late) => void late.release().catch(() => {}))
    return watchConnection(conn, guard)
  }
  // One statement outside a transaction goes through the driver's own pool.query, which hands the connection back
  // before the caller resumes: borrowing and releasing it here held it through unrelated work and measurably
  // starved concurrent transactions (auth's otp-limits-concurrency test). The cost: a statement abandoned by the
  // watchdog or the breaker keeps its connection until the server answers or the socket dies, and one still
  // queued for a connection runs when it gets one, its result ignored.
  const runOnce =
    (method: 'query' | 'execute') =>
    (sql: unknown, values?: unknown): Promise<unknown> => {
      if (guard.breaker.isOpen) return Promise.reject(guard.breaker.error())
      return bounded((pool[method] as (sql: unknown, values?: unknown) => Promise<unknown>).call(pool, sql, values), guard, sql)
    }
  const overrides: Partial<Record<keyof Pool, unknown>> = {
    getConnection,
    query: runOnce('query'),
    execute: runOnce('execute'),
  }
  return new Proxy(pool, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof Pool]
      const value = Reflect.get(target, property) as unknown
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}

/** `work`, failed as unavailable when the watchdog fires or the breaker opens first; a late outcome is dropped. */
function bounded<T>(work: Promise<T>, guard: PoolGuard, sql: unknown, onAbandon: () => void = () => {}): Promise<T> {
  const started = guard.onStatement ? performance.now() : 0
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      cleanup()
      onAbandon()
      reject(error)
    }
    const timer =
      guard.watchdogMs > 0
        ? setTimeout(
            () => fail(new DatabaseUnavailableError(WATCHDOG_ERRNO, `database did not answer within ${guard.watchdogMs} ms (DB_QUERY_WATCHDOG_MS)`)),
            guard.watchdogMs,
          )
        : undefined
    const stopListening = guard.breaker.onOpen(fail)
    const cleanup = () => {
      clearTimeout(timer)
      stopListening()
      guard.onStatement?.(statementText(sql), performance.now() - started)
    }
    work.then(
      (value) => {
        if (settled) return
        settled = true
        cleanup()
        resolve(value)
      },
      (error: unknown) => {
        if (settled) return
        settled = true
        cleanup()
        reject(error)
      },
    )
  })
}

/**
 * A borrowed connection whose statements fail when the watchdog fires or the breaker opens. Either way the
 * connection is destroyed, not returned to the pool: a late answer (or none) would otherwise arrive on the
 * next borrower's query.
 */
function watchConnection(conn: PoolConnection, guard: PoolGuard): PoolConnection {
  let destroyed = false
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    conn.destroy()
  }
  const guarded =
    (method: 'query' | 'execute') =>
    (sql: unknown, values?: unknown): Promise<unknown> => {
      if (destroyed) return Promise.reject(new DatabaseUnavailableError(WATCHDOG_ERRNO, 'database connection was destroyed'))
      const work = (conn[method] as (sql: unknown, values?: unknown) => Promise<unknown>).call(conn, sql, values)
      return bounded(work, guard, sql, destroy)
    }
  const overrides: Record<string, unknown> = {
    query: guarded('query'),
    execute: guarded('execute'),
    release: () => (destroyed ? Promise.resolve() : conn.release()),
    end: () => (destroyed ? Promise.resolve() : conn.release()),
  }
  return new Proxy(conn, {
    get(target, property) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property]
      const value = Reflect.get(target, property) as unknown
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}
