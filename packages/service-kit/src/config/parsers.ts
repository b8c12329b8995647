import { isIP } from 'node:net'

// proxy-addr (behind Fastify's trustProxy) understands these names for well-known ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrCidr(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  if (!/^\d{1,3}$/.test(prefix)) return false
  const bits = Number(prefix)
  // A /0 range trusts every client to choose its own IP, which is what `trustProxy: true` does.
  return bits >= 1 && bits <= (family === 4 ? 32 : 128)
}

/**
 * Parses the reverse proxy addresses Fastify may trust for `X-Forwarded-For`.
 * `true` and hop counts are refused: either lets any client pick the IP the rate limiter keys on.
 * `none` trusts no proxy (the service is reached directly).
 */
export function parseTrustProxy(value: string): string[] {
  const trimmed = value.trim()
  if (trimmed === 'none') return []
  const entries = trimmed.split(',').map((e) => e.trim()).filter((e) => e !== '')
  if (entries.length === 0) throw new Error('must list the proxy addresses, or be "none"')
  const invalid = entries.filter((e) => !isAddressOrCidr(e))
  if (invalid.length > 0) {
    throw new Error(
      `must be IP addresses or CIDR ranges of the reverse proxy (not true, a hop count or /0); invalid: ${invalid.join(', ')}`,
    )
  }
  return entries
}

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
}

/** Parses `500`, `30s`, `1 minute`, `2 hours` into milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim())
  const unit = match?.[2]?.toLowerCase() || 'ms'
  const factor = DURATION_UNITS[unit]
  if (!match || factor === undefined) throw new Error('must be a duration such as "500ms", "30 seconds" or "1 minute"')
  const ms = Number(match[1]) * factor
  if (!Number.isFinite(ms) || ms < 1) throw new Error('must be a positive duration')
  return Math.round(ms)
}
