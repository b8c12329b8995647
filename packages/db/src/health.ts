import { Prisma } from './generated/prisma/client.js'
import type { RowReader } from './rows.js'

export type DbHealth = { ok: true; latencyMs: number } | { ok: false; error: string }

/**
 * Runs `SELECT 1` on the primary's pool and settles within `timeoutMs` whatever the database does: an unreachable
 * host makes the pool wait for its acquire timeout, which is far longer than a readiness probe may take. It goes
 * through the driver (`Db.rows`), so a service whose traffic needs no Prisma query never loads Prisma's query
 * compiler for its probes (tens of MiB resident once loaded, bench/README.md).
 */
export async function checkHealth(rows: RowReader, timeoutMs: number): Promise<DbHealth> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<DbHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: `database did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    )
  })
  // Settles the query promise on every path, so a late failure after the timeout is not an unhandled rejection.
  const answered = rows(Prisma.sql`SELECT 1`).then(
    (): DbHealth => ({ ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 }),
    (error: unknown): DbHealth => ({ ok: false, error: summarizeError(error) }),
  )
  try {
    return await Promise.race([answered, timedOut])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * One line worth logging or reporting from a Prisma or driver error: Prisma wraps the driver's message in an
 * "Invalid `prisma.x()` invocation" banner and a source code frame, and keeps the socket-level reason (such as
 * ECONNREFUSED) only in the adapter error's cause; the driver's pool timeout keeps it in its `cause`.
 */
export function summarizeError(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n')
  const banner = lines.findIndex((line) => /^Invalid `.*` invocation/.test(line.trim()))
  // "... invocation in" is followed by the caller's file:line, then the numbered code frame.
  const start = banner === -1 ? 0 : banner + (lines[banner]?.trim().endsWith(' in') ? 2 : 1)
  const text = lines
    .slice(start)
    .filter((line) => line.trim() !== '' && !/^\s*(→\s*)?\d+ /.test(line))
    .map((line) => line.trim())
    .join(' ')
  // Prisma keeps the socket-level reason in its adapter error's cause; the driver's own error in `cause`.
  const prismaCause = (error as { meta?: { driverAdapterError?: { cause?: { cause?: unknown } } } } | null)?.meta
    ?.driverAdapterError?.cause?.cause
  const driverCause = (error as { cause?: unknown } | null)?.cause
  const cause = prismaCause ?? (driverCause instanceof Error ? driverCause.message : undefined)
  const summary = text || 'unknown database error'
  return typeof cause === 'string' && !summary.includes(cause) ? `${summary} (${cause})` : summary
}
