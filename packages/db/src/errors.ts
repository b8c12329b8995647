/**
 * Whether an error thrown by a query means the database could not be reached in time (refused, timed
 * out, pool exhausted, connection lost) rather than that the query itself was wrong. Services answer
 * those with 503 and a Retry-After instead of 500, since retrying later can succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth += 1) {
    const candidate = current as { name?: unknown; code?: unknown; errorCode?: unknown; meta?: unknown; cause?: unknown }
    if (candidate.name === 'PrismaClientInitializationError') return true
    if (typeof candidate.code === 'string' && PRISMA_UNAVAILABLE_CODES.has(candidate.code)) return true
    if (typeof candidate.errorCode === 'string' && PRISMA_UNAVAILABLE_CODES.has(candidate.errorCode)) return true
    if (typeof candidate.code === 'number' && DRIVER_UNAVAILABLE_CODES.has(candidate.code)) return true
    // The driver's own errors (reads through `Db.rows`) carry the number as `errno`; socket errors a name as `code`.
    if (isDriverConnectionFailure(candidate)) return true
    const adapterError = (candidate.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError
    current = adapterError ?? candidate.cause
  }
  return false
}

/**
 * Whether an error straight from the driver (not yet wrapped by Prisma) means the server could not be reached or
 * the connection was lost, so the same statement may succeed on another server.
 */
export function isDriverConnectionFailure(error: unknown): boolean {
  const candidate = error as { errno?: unknown; code?: unknown } | null
  if (!candidate || typeof candidate !== 'object') return false
  if (typeof candidate.errno === 'number' && DRIVER_UNAVAILABLE_CODES.has(candidate.errno)) return true
  return typeof candidate.code === 'string' && SOCKET_CODES.has(candidate.code)
}

// Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection,
// P2024 connection pool timeout, P2028 an interactive transaction that could not start (or was cut) in time,
// which is what a starved pool looks like to `$transaction`.
const PRISMA_UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028'])
// mariadb driver (lib/misc/errors.js): 45001 connection already closed, 45009 socket closed unexpectedly,
// 45012 connect timeout, 45013 command on a closed connection, 45019 socket error, 45026 socket timeout,
// 45028 pool timeout. Server: 1040 too many connections, 1053 shutdown in progress, 2006/2013 server gone away.
const DRIVER_UNAVAILABLE_CODES = new Set([45001, 45009, 45012, 45013, 45019, 45026, 45028, 1040, 1053, 2006, 2013])
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'])
