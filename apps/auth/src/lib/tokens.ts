import { createHash, randomBytes } from 'node:crypto'
import { createSigner } from 'fast-jwt'
import { SIGNING_ALGORITHM, type SigningKey } from './keys.js'

/** RFC 9068 media type of JWT access tokens; verifiers require it, so an ID or other JWT cannot pass as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt'

/**
 * The claims come whole from the caller (`createTokenPayload` in @cp/domain), `exp` included; only what the signer
 * relies on is required, so the domain's claims type fits as it is.
 */
export interface SignableClaims {
  readonly sub: string
  readonly exp: number
}

export type AccessTokenSigner = <Claims extends SignableClaims>(claims: Claims) => string

export function createAccessTokenSigner(key: SigningKey): AccessTokenSigner {
  const sign = createSigner({
    algorithm: SIGNING_ALGORITHM,
    key: key.privateKeyPem,
    kid: key.kid,
    header: { alg: SIGNING_ALGORITHM, typ: ACCESS_TOKEN_TYPE },
  })
  return (claims) => {
    // A token without an expiry would outlive everything it stands for; refuse to make one.
    if (!Number.isSafeInteger(claims.exp) || claims.exp <= 0) {
      throw new TypeError('Access token claims need an integer exp')
    }
    return sign({ ...claims })
  }
}

/** 256 bits from the CSPRNG; opaque to clients, stored only as its hash. */
export const REFRESH_TOKEN_BYTES = 32
const REFRESH_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/

export function generateRefreshToken(): string {
  return randomBytes(REFRESH_TOKEN_BYTES).toString('base64url')
}

/** Cheap shape check before any lookup, so that an access token or junk sent to refresh is refused early. */
export function isRefreshTokenFormat(token: unknown): token is string {
  return typeof token === 'string' && REFRESH_TOKEN_FORMAT.test(token)
}

/** SHA-256 suffices (no pepper, no slow hash): the token is 256 random bits, so there is nothing to brute-force. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
