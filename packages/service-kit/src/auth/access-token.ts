import {
  type ConsultantId,
  type SessionId,
  tryParseConsultantId,
  tryParseSessionId,
  tryParseUserId,
  type UserId,
} from '@cp/domain'
import { createVerifier, TokenError } from 'fast-jwt'
import type { KeySource } from './key-source.js'
import { ACCESS_TOKEN_ALGORITHM, type VerificationKey } from './keys.js'

/** RFC 9068 media type of JWT access tokens: an ID token or any other JWT signed by the same key is not one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt'

interface AuthContextBase {
  readonly userId: UserId
  readonly sessionId: SessionId
  /** The token's `jti`. */
  readonly tokenId: string
  readonly expiresAt: Date
}

export interface CustomerAuthContext extends AuthContextBase {
  readonly role: 'customer'
  readonly consultantId?: undefined
}

export interface ConsultantAuthContext extends AuthContextBase {
  readonly role: 'consultant'
  readonly consultantId: ConsultantId
}

/** Who sent the request, as proven by a verified access token. */
export type AuthContext = CustomerAuthContext | ConsultantAuthContext

/** Why a token was refused; for logs, never sent to the client beyond "invalid" or "expired". */
export type TokenRejection =
  | 'malformed'
  | 'algorithm'
  | 'type'
  | 'header'
  | 'unknown_kid'
  | 'signature'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer'
  | 'audience'
  | 'claims'

export type VerifyOutcome =
  | { readonly ok: true; readonly auth: AuthContext }
  | { readonly ok: false; readonly reason: TokenRejection }
  | { readonly ok: false; readonly reason: 'keys_unavailable'; readonly retryAfterSec: number }

export interface AccessTokenVerifierOptions {
  readonly issuer: string
  /** This service's own name; the token's `aud` must include it. */
  readonly audience: string
  readonly clockToleranceSec: number
  readonly keys: KeySource
  /** Verified tokens remembered per key (0 turns the cache off); an entry never outlives the token's `exp`. */
  readonly cacheSize: number
  readonly cacheTtlMs: number
  /** The current time in ms; `Date.now` by default. A service with its own clock passes it so tokens it issues agree. */
  readonly now?: () => number
}

export type AccessTokenVerifier = (token: string) => Promise<VerifyOutcome>

// Compact JWS: three base64url segments, none empty (an unsigned `alg: none` token ends in an empty one).
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
// Headers that would let the token choose its own key or its key's location (we only use keys we fetched), and
// `crit` extensions we do not implement. The auth service sends none of them.
const FORBIDDEN_HEADERS = ['jku', 'x5u', 'jwk', 'x5c', 'x5t', 'x5t#S256', 'crit'] as const
const MAX_KID_LENGTH = 256
const MAX_JTI_LENGTH = 256

const FAST_JWT_REJECTIONS: Record<string, TokenRejection> = {
  [TokenError.codes.expired]: 'expired',
  [TokenError.codes.inactive]: 'not_yet_valid',
  [TokenError.codes.invalidSignature]: 'signature',
  [TokenError.codes.missingSignature]: 'signature',
  [TokenError.codes.verifyError]: 'signature',
  [TokenError.codes.invalidAlgorithm]: 'algorithm',
  [TokenError.codes.invalidType]: 'type',
  [TokenError.codes.invalidCritHeader]: 'header',
  [TokenError.codes.missingRequiredClaim]: 'claims',
  [TokenError.codes.invalidClaimType]: 'claims',
  [TokenError.codes.invalidClaimValue]: 'claims',
}

const reject = (reason: TokenRejection): VerifyOutcome => ({ ok: false, reason })

function decodeHeader(segment: string): Record<string, unknown> | undefined {
  try {
    const header: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
    return typeof header === 'object' && header !== null && !Array.isArray(header)
      ? (header as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function isAccessTokenType(typ: unknown): boolean {
  // Media types compare case-insensitively, and RFC 7515 lets `application/` be left out.
  return typeof typ === 'string' && typ.toLowerCase().replace(/^application\//, '') === ACCESS_TOKEN_TYPE
}

/** Checks done on the header before any key is looked up, so forged headers cost neither a fetch nor a verify. */
function checkHeader(token: string): { kid: string } | TokenRejection {
  const match = COMPACT_JWS.exec(token)
  const header = match?.[1] === undefined ? undefined : decodeHeader(match[1])
  if (!header) return 'malformed'
  if (header.alg !== ACCESS_TOKEN_ALGORITHM) return 'algorithm'
  if (!isAccessTokenType(header.typ)) return 'type'
  if (FORBIDDEN_HEADERS.some((name) => name in header)) return 'header'
  const kid = header.kid
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) return 'header'
  return { kid }
}

function hasAudience(aud: unknown, audience: string): boolean {
  if (typeof aud === 'string') return aud === audience
  return Array.isArray(aud) && aud.every((value) => typeof value === 'string') && aud.includes(audience)
}

/** Claims that fast-jwt does not know about: who the token speaks for, in our domain's types. */
function toAuthContext(payload: Record<string, unknown>): AuthContext | undefined {
  const { sub, role, consultant_id: consultantClaim, sid, jti, iat, exp } = payload
  // `sub` is a string in JWT; tryParseUserId would also take a number, which the auth service never sends.
  const userId = typeof sub === 'string' ? tryParseUserId(sub) : undefined
  const sessionId = tryParseSessionId(sid)
  if (userId === undefined || sessionId === undefined) return undefined
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_LENGTH) return undefined
  if (typeof iat !== 'number' || !Number.isFinite(iat) || typeof exp !== 'number' || !Number.isFinite(exp)) {
    return undefined
  }
  const base = { userId, sessionId, tokenId: jti, expiresAt: new Date(exp * 1000) }
  if (role === 'customer') return consultantClaim === undefined ? { ...base, role } : undefined
  if (role !== 'consultant' || typeof consultantClaim !== 'number') return undefined
  const consultantId = tryParseConsultantId(consultantClaim)
  return consultantId === undefined ? undefined : { ...base, role, consultantId }
}

/**
 * `exp` passed, or `nbf` or `iat` still ahead (a token stamped in the future comes from a wrong clock or was made
 * in advance), each beyond the tolerance. Claims that are not numbers are left to the claim checks.
 */
function checkTimes(payload: Record<string, unknown>, nowMs: number, toleranceMs: number): TokenRejection | undefined {
  const { exp, nbf, iat } = payload
  if (typeof exp === 'number' && exp * 1000 + toleranceMs <= nowMs) return 'expired'
  if (typeof nbf === 'number' && nbf * 1000 - toleranceMs > nowMs) return 'not_yet_valid'
  if (typeof iat === 'number' && iat * 1000 - toleranceMs > nowMs) return 'not_yet_valid'
  return undefined
}

/**
 * Verifies access tokens signed by the auth service: ES256 only, `typ: at+jwt`, a `kid` found in the key source,
 * the configured issuer, this service's audience, `exp` required and `nbf` honoured with the clock tolerance,
 * and claims that name a valid user, session and role.
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  const clockToleranceMs = options.clockToleranceSec * 1000
  const now = options.now ?? Date.now
  // One fast-jwt verifier per key: the key is fixed at creation (so nothing the token says can pick another),
  // and a key that leaves the key set takes its cached verifications with it.
  const verifiers = new WeakMap<VerificationKey, (token: string) => Record<string, unknown>>()

  const verifierFor = (key: VerificationKey) => {
    let verify = verifiers.get(key)
    if (!verify) {
      verify = createVerifier({
        key: key.pem,
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        checkTyp: ACCESS_TOKEN_TYPE,
        // Times are checked below against `now` on every call (cache hits included): fast-jwt's clock is fixed
        // to Date.now and it ignores `iat`.
        ignoreExpiration: true,
        ignoreNotBefore: true,
        requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub', 'sid', 'jti', 'role'],
        cache: options.cacheSize > 0 ? options.cacheSize : false,
        cacheTTL: options.cacheTtlMs,
      }) as (token: string) => Record<string, unknown>
      verifiers.set(key, verify)
    }
    return verify
  }

  // Tokens that passed every check, with what a later call must still check: the times (against `now`, on every
  // call) and that the key which verified them is still the key set's key for their `kid` (a key that leaves the
  // set takes them with it). A client sends the same token for minutes, so this skips, per request, decoding the
  // header, fast-jwt's sha256 of the token for its own cache, and building the auth context: most of the guard's
  // cost. Bounded like fast-jwt's cache (oldest out first) and never kept past `cacheTtlMs`.
  const remembered = new Map<string, RememberedToken>()

  function remember(token: string, entry: RememberedToken): void {
    if (options.cacheSize <= 0) return
    remembered.set(token, entry)
    if (remembered.size > options.cacheSize) remembered.delete(remembered.keys().next().value as string)
  }

  return async (token) => {
    const known = remembered.get(token)
    if (known !== undefined) {
      const lookup = Date.now() < known.until ? await options.keys.lookup(known.kid) : undefined
      if (lookup?.status === 'found' && lookup.key === known.key) {
        const timing = checkTimes(known.times, now(), clockToleranceMs)
        return timing ? reject(timing) : { ok: true, auth: known.auth }
      }
      remembered.delete(token)
    }

    const header = checkHeader(token)
    if (typeof header === 'string') return reject(header)

    const lookup = await options.keys.lookup(header.kid)
    if (lookup.status === 'unavailable') return { ok: false, reason: 'keys_unavailable', retryAfterSec: lookup.retryAfterSec }
    if (lookup.status === 'unknown') return reject('unknown_kid')

    let payload: Record<string, unknown>
    try {
      payload = verifierFor(lookup.key)(token)
    } catch (error) {
      const code = error instanceof TokenError ? error.code : undefined
      return reject((code && FAST_JWT_REJECTIONS[code]) || 'malformed')
    }
    const timing = checkTimes(payload, now(), clockToleranceMs)
    if (timing) return reject(timing)
    if (payload.iss !== options.issuer) return reject('issuer')
    if (!hasAudience(payload.aud, options.audience)) return reject('audience')
    const auth = toAuthContext(payload)
    if (!auth) return reject('claims')
    const { exp, nbf, iat } = payload
    remember(token, { kid: header.kid, key: lookup.key, auth, times: { exp, nbf, iat }, until: Date.now() + options.cacheTtlMs })
    return { ok: true, auth }
  }
}

interface RememberedToken {
  readonly kid: string
  readonly key: VerificationKey
  readonly auth: AuthContext
  readonly times: Record<'exp' | 'nbf' | 'iat', unknown>
  /** `Date.now()` after which the token is verified in full again. */
  readonly until: number
}
