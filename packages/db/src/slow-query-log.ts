import type { DbLogger } from './logger.js'

export interface SlowQueryLogOptions {
  /** A statement that took at least this long is slow (0: every statement). */
  thresholdMs: number
  /** Most warnings written per second; the rest are counted and reported with the next one written. */
  maxPerSecond: number
  /** Milliseconds clock; tests pass their own. */
  now?: () => number
}

/** Called with every statement's SQL and how long it took, from the call to its answer (pool wait included). */
export type StatementObserver = (sql: string, durationMs: number) => void

/**
 * The `slow query` warning, fed by the guarded pool (which times every statement itself, so Prisma's per-query
 * event, which costs on every query, stays off). Parameters are never logged: they hold tokens and hashes. The
 * warnings are capped per second: under overload most statements are slow, and writing a line for each one
 * (synchronously, to stdout) would spend the CPU the service needs to recover. The next warning written after
 * some were left out says how many (`suppressed`).
 */
export function slowQueryLog(logger: DbLogger, options: SlowQueryLogOptions): StatementObserver {
  const { thresholdMs, maxPerSecond, now = Date.now } = options
  let windowStart = Number.NEGATIVE_INFINITY
  let written = 0
  let suppressed = 0
  return (sql, durationMs) => {
    if (durationMs < thresholdMs) return
    const at = now()
    if (at - windowStart >= 1000) {
      windowStart = at
      written = 0
    }
    if (written >= maxPerSecond) {
      suppressed++
      return
    }
    written++
    const entry: { durationMs: number; query: string; suppressed?: number } = {
      durationMs: Math.round(durationMs * 100) / 100,
      query: sql,
    }
    if (suppressed > 0) {
      entry.suppressed = suppressed
      suppressed = 0
    }
    logger.warn(entry, 'slow query')
  }
}

/** The SQL text of a driver call's first argument (a string, or an options object with `sql`). */
export function statementText(sql: unknown): string {
  if (typeof sql === 'string') return sql
  if (typeof sql === 'object' && sql !== null && typeof (sql as { sql?: unknown }).sql === 'string') return (sql as { sql: string }).sql
  return String(sql)
}
