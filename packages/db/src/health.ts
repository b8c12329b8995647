import type { PrismaClient } from './generated/prisma/client.js'

export type DbHealth = { ok: true; latencyMs: number } | { ok: false; error: string }

/**
 * Runs `SELECT 1` and settles within `timeoutMs` whatever the database does: an unreachable host makes the
 * pool wait for its acquire timeout, which is far longer than a readiness probe may take.
 */
export async function checkHealth(prisma: PrismaClient, timeoutMs: number): Promise<DbHealth> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<DbHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: `database did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    )
  })
  // Settles the query promise on every path, so a late failure after the timeout is not an unhandled rejection.
  const answered = prisma.$queryRaw`SELECT 1`.then(
    (): DbHealth => ({ ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 }),
    (error: unknown): DbHealth => ({ ok: false, error: summarizeError(error) }),
  )
  try {
    return await Promise.race([answered, timedOut])
  } finally {
    clearTimeout(timer)
  }
}

/** Prisma prefixes driver errors with an invocation banner; the last line is the part worth reporting. */
export function summarizeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return lines.at(-1) ?? 'unknown database error'
}
