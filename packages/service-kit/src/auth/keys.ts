import { createHash, createPublicKey, type KeyObject } from 'node:crypto'

/** The only algorithm access tokens may use; anything else is refused before a key is even looked up. */
export const ACCESS_TOKEN_ALGORITHM = 'ES256'
const CURVE_NODE_NAME = 'prime256v1'

/** A public key that may verify access tokens, named by its RFC 7638 thumbprint or by the JWKS `kid`. */
export interface VerificationKey {
  readonly kid: string
  /** SPKI PEM, the form fast-jwt's verifier takes. */
  readonly pem: string
  /** The coordinates, so a refetched JWKS that repeats a key keeps the same object (and its verify cache). */
  readonly x: string
  readonly y: string
}

/** RFC 7638 thumbprint of an EC key: base64url SHA-256 of the required members in lexicographic order. */
export function ecThumbprint(x: string, y: string): string {
  return createHash('sha256').update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y }), 'utf8').digest('base64url')
}

function toVerificationKey(publicKey: KeyObject, kid?: string): VerificationKey {
  const { x, y } = publicKey.export({ format: 'jwk' })
  if (typeof x !== 'string' || typeof y !== 'string') throw new Error('The public key has no coordinates')
  return {
    kid: kid ?? ecThumbprint(x, y),
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    x,
    y,
  }
}

function isP256(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === CURVE_NODE_NAME
}

/**
 * One member of a JWKS as the verifier will use it, or undefined when the member is not an ES256 signing key:
 * other key types, curves or algorithms are skipped rather than trusted for something they were not published for.
 */
export function keyFromJwk(member: unknown): VerificationKey | undefined {
  if (typeof member !== 'object' || member === null || Array.isArray(member)) return undefined
  const jwk = member as Record<string, unknown>
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.alg !== ACCESS_TOKEN_ALGORITHM) return undefined
  if (jwk.use !== undefined && jwk.use !== 'sig') return undefined
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0 || jwk.kid.length > 256) return undefined
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string' || 'd' in jwk) return undefined
  let publicKey: KeyObject
  try {
    // Only the public members are passed on, so nothing else in the document can change what the key is.
    publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' })
  } catch {
    return undefined
  }
  return toVerificationKey(publicKey, jwk.kid)
}

/** Finds every PEM block in a text; environment variables often carry `\n` escapes instead of newlines. */
function pemBlocks(text: string): Array<{ label: string; pem: string }> {
  const normalised = text.replace(/\\n/g, '\n')
  return [...normalised.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)].map((match) => ({
    label: match[1] ?? '',
    pem: match[0],
  }))
}

/**
 * The public key(s) of a PEM configuration: one or more `PUBLIC KEY` blocks, each EC P-256, each named by its
 * RFC 7638 thumbprint (the `kid` the auth service puts in its tokens). Several blocks let an air-gapped
 * deployment trust the next signing key before it is used. Throws on anything else: this is start-up config.
 */
export function keysFromPem(text: string): VerificationKey[] {
  const blocks = pemBlocks(text)
  if (blocks.length === 0) throw new Error('The public key PEM holds no PEM block')
  const keys: VerificationKey[] = []
  for (const block of blocks) {
    if (block.label !== 'PUBLIC KEY') {
      throw new Error(`The public key PEM may hold only PUBLIC KEY blocks, found ${block.label}`)
    }
    let publicKey: KeyObject
    try {
      publicKey = createPublicKey({ key: block.pem, format: 'pem' })
    } catch (error) {
      throw new Error('A public key in the PEM could not be read', { cause: error })
    }
    if (!isP256(publicKey)) throw new Error(`Public keys must be EC P-256 for ${ACCESS_TOKEN_ALGORITHM}`)
    const key = toVerificationKey(publicKey)
    if (!keys.some((known) => known.kid === key.kid)) keys.push(key)
  }
  return keys
}
