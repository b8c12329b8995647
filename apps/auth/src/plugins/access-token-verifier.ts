import { tryParseConsultantId, tryParseSessionId, tryParseUserId, type TokenRole } from '@cp/domain'
import { createDecoder, createVerifier } from 'fast-jwt'
import type { Clock } from '../clock.js'
import { type KeySet, SIGNING_ALGORITHM } from '../lib/keys.js'
import { ACCESS_TOKEN_TYPE } from '../lib/tokens.js'

/** Who a valid access token speaks for. */
export interface AccessContext {
  readonly customerId: number
  readonly sessionId: string
  readonly role: TokenRole
  readonly consultantId: number | null
  readonly jti: string
}

export interface AccessTokenVerifierOptions {
  readonly keys: KeySet
  readonly issuer: string
  /** The audience this service requires. */
  readonly audience: string
  readonly clock: Clock
  readonly clockToleranceSeconds: number
}

/** Far above any token we sign (~700 bytes); longer input is refused before it is parsed. */
export const MAX_ACCESS_TOKEN_LENGTH = 4096
// Headers that would let a token name its own key; a verifier must take keys only from its configuration.
const REFUSED_HEADERS = ['jku', 'x5u', 'jwk', 'x5c', 'x5t', 'x5t#S256', 'crit'] as const
const REQUIRED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'sid', 'jti', 'role']

/**
 * Verifies this service's own access tokens locally: ES256 only, a `kid` of a configured key, `typ: at+jwt`, our
 * issuer and audience. Time claims are checked against the service clock with the tolerance. Returns undefined for
 * anything that is not a valid token; the reason is not told to the client.
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions) {
  const decode = createDecoder({ complete: true })
  const verifiers = new Map(
    options.keys.verificationKeys.map((key) => [
      key.kid,
      createVerifier({
        key: key.publicKeyPem,
        algorithms: [SIGNING_ALGORITHM],
        allowedIss: options.issuer,
        allowedAud: options.audience,
        checkTyp: ACCESS_TOKEN_TYPE,
        requiredClaims: REQUIRED_CLAIMS,
        // Checked below against the injectable clock instead of Date.now().
        ignoreExpiration: true,
        ignoreNotBefore: true,
      }),
    ]),
  )
  const tolerance = options.clockToleranceSeconds

  return function verifyAccessToken(token: string): AccessContext | undefined {
    if (token.length > MAX_ACCESS_TOKEN_LENGTH) return undefined
    let header: Record<string, unknown>
    try {
      header = (decode(token) as { header: Record<string, unknown> }).header
    } catch {
      return undefined
    }
    if (header.alg !== SIGNING_ALGORITHM || REFUSED_HEADERS.some((name) => name in header)) return undefined
    const verify = typeof header.kid === 'string' ? verifiers.get(header.kid) : undefined
    if (!verify) return undefined

    let payload: Record<string, unknown>
    try {
      payload = verify(token) as Record<string, unknown>
    } catch {
      return undefined
    }
    const now = options.clock().getTime() / 1000
    const { exp, iat, nbf } = payload
    if (typeof exp !== 'number' || now >= exp + tolerance) return undefined
    if (typeof iat !== 'number' || iat > now + tolerance) return undefined
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + tolerance)) return undefined

    // `sub` is a string by RFC 7519; the parser also refuses non-canonical forms such as "012".
    const customerId = typeof payload.sub === 'string' ? tryParseUserId(payload.sub) : undefined
    const sessionId = tryParseSessionId(payload.sid)
    if (customerId === undefined || sessionId === undefined || typeof payload.jti !== 'string') return undefined
    if (payload.role === 'customer' && payload.consultant_id === undefined) {
      return { customerId, sessionId, role: 'customer', consultantId: null, jti: payload.jti }
    }
    const consultantId = payload.role === 'consultant' ? tryParseConsultantId(payload.consultant_id) : undefined
    if (consultantId === undefined) return undefined
    return { customerId, sessionId, role: 'consultant', consultantId, jti: payload.jti }
  }
}

export type AccessTokenVerifier = ReturnType<typeof createAccessTokenVerifier>
