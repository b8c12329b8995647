import { keyFromJwk, type VerificationKey } from './keys.js'

export type KeyLookup =
  | { readonly status: 'found'; readonly key: VerificationKey }
  | { readonly status: 'unknown' }
  /** No key was ever loaded and none can be fetched now: the verifier cannot tell good tokens from bad. */
  | { readonly status: 'unavailable'; readonly retryAfterSec: number }

/** Where the verifier finds the public key a token's `kid` names. */
export interface KeySource {
  lookup(kid: string): Promise<KeyLookup>
  /** Loads keys ahead of the first request; never throws. */
  warmUp(): Promise<void>
  close(): void
}

/** Fixed keys from configuration (PEM): nothing to fetch, nothing to refresh. */
export function createStaticKeySource(keys: readonly VerificationKey[]): KeySource {
  const byKid = new Map(keys.map((key) => [key.kid, key]))
  return {
    lookup: async (kid) => {
      const key = byKid.get(kid)
      return key ? { status: 'found', key } : { status: 'unknown' }
    },
    warmUp: async () => {},
    close: () => {},
  }
}

interface KeySourceLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export interface JwksKeySourceOptions {
  /** The auth service's JWKS, from configuration. Never a URL taken from a token (`jku`, `x5u`, `iss`). */
  readonly url: string
  readonly fetchTimeoutMs?: number
  /** How long a fetched key set is used before it is fetched again (the auth service sends max-age=600). */
  readonly cacheTtlMs?: number
  /**
   * Least time between two fetches, so that a flood of tokens with made-up `kid`s costs the auth service
   * at most one request per interval.
   */
  readonly minRefetchIntervalMs?: number
  readonly log?: KeySourceLogger
  /** Clock for tests. */
  readonly now?: () => number
}

export const DEFAULT_JWKS_FETCH_TIMEOUT_MS = 2000
export const DEFAULT_JWKS_CACHE_TTL_MS = 600_000
export const DEFAULT_MIN_REFETCH_INTERVAL_MS = 30_000
/** While no key was ever loaded every request fails, so a failed first fetch is retried sooner. */
const RETRY_WITHOUT_KEYS_MS = 5000
/** A key set is a few hundred bytes per key; anything far larger is not a JWKS. */
const MAX_JWKS_BYTES = 64 * 1024

const silentLogger: KeySourceLogger = { info: () => {}, warn: () => {} }

/**
 * Keys from the auth service's JWKS: fetched with a timeout, cached for `cacheTtlMs`, fetched again early only
 * for an unknown `kid` and never more than once per `minRefetchIntervalMs`. When a fetch fails the keys already
 * held stay in use (the auth service being briefly down must not sign everyone out); a key the auth service
 * stops publishing is dropped at the next successful fetch.
 */
export function createJwksKeySource(options: JwksKeySourceOptions): KeySource {
  const now = options.now ?? Date.now
  const log = options.log ?? silentLogger
  const fetchTimeoutMs = options.fetchTimeoutMs ?? DEFAULT_JWKS_FETCH_TIMEOUT_MS
  const cacheTtlMs = options.cacheTtlMs ?? DEFAULT_JWKS_CACHE_TTL_MS
  const minRefetchIntervalMs = options.minRefetchIntervalMs ?? DEFAULT_MIN_REFETCH_INTERVAL_MS
  const closing = new AbortController()

  let keys: Map<string, VerificationKey> | undefined
  let loadedAt = 0
  let lastAttemptAt: number | undefined
  let inFlight: Promise<void> | undefined

  const retryInterval = () => (keys ? minRefetchIntervalMs : Math.min(minRefetchIntervalMs, RETRY_WITHOUT_KEYS_MS))
  const mayFetch = (at: number) => lastAttemptAt === undefined || at - lastAttemptAt >= retryInterval()

  async function load(): Promise<void> {
    lastAttemptAt = now()
    try {
      const fetched = await fetchJwks(options.url, fetchTimeoutMs, closing.signal)
      const next = new Map<string, VerificationKey>()
      for (const key of fetched) {
        if (next.has(key.kid)) continue
        const previous = keys?.get(key.kid)
        // The same key keeps the same object, so its verifier and verified-token cache survive the refetch.
        next.set(key.kid, previous && previous.x === key.x && previous.y === key.y ? previous : key)
      }
      keys = next
      loadedAt = now()
      log.info({ jwksUrl: options.url, kids: [...next.keys()] }, 'access token keys loaded')
    } catch (error) {
      if (closing.signal.aborted) return
      log.warn(
        { jwksUrl: options.url, err: error, keptKeys: keys ? keys.size : 0 },
        keys ? 'access token keys could not be refreshed; keeping the keys held' : 'access token keys could not be loaded',
      )
    }
  }

  function refresh(): Promise<void> {
    if (!inFlight) {
      const attempt = load().finally(() => {
        if (inFlight === attempt) inFlight = undefined
      })
      inFlight = attempt
    }
    return inFlight
  }

  return {
    async lookup(kid) {
      const held = keys?.get(kid)
      if (held && now() - loadedAt < cacheTtlMs) return { status: 'found', key: held }
      // Concurrent misses share one fetch; a miss right after a fetch waits for the interval.
      if (inFlight) await inFlight
      else if (mayFetch(now())) await refresh()
      if (!keys) {
        const waitMs = (lastAttemptAt ?? now()) + retryInterval() - now()
        return { status: 'unavailable', retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) }
      }
      const key = keys.get(kid)
      return key ? { status: 'found', key } : { status: 'unknown' }
    },
    async warmUp() {
      if (!keys && mayFetch(now())) await refresh()
    },
    close() {
      closing.abort()
    },
  }
}

async function fetchJwks(url: string, timeoutMs: number, closing: AbortSignal): Promise<VerificationKey[]> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    // A redirect would let whoever controls the first answer choose the keys.
    redirect: 'error',
    signal: AbortSignal.any([closing, AbortSignal.timeout(timeoutMs)]),
  })
  if (response.status !== 200) {
    await response.body?.cancel()
    throw new Error(`The JWKS endpoint answered ${response.status}`)
  }
  const text = await readLimited(response, MAX_JWKS_BYTES)
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    throw new Error('The JWKS is not JSON')
  }
  const members = (document as { keys?: unknown } | null)?.keys
  if (!Array.isArray(members)) throw new Error('The JWKS has no keys array')
  const keys = members.map(keyFromJwk).filter((key): key is VerificationKey => key !== undefined)
  // An empty set would refuse every token; keeping the previous keys is the safer reading of a broken document.
  if (keys.length === 0) throw new Error('The JWKS holds no EC P-256 ES256 signing key')
  return keys
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw new Error(`The JWKS is larger than ${maxBytes} bytes`)
  }
  if (!response.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += chunk.byteLength
    if (size > maxBytes) throw new Error(`The JWKS is larger than ${maxBytes} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
