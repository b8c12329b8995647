import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'

/** The one algorithm we sign with; verifiers pin it, so keys of any other type are refused at start-up. */
export const SIGNING_ALGORITHM = 'ES256'
const CURVE_NODE_NAME = 'prime256v1'

export interface PublicJwk {
  kty: 'EC'
  crv: 'P-256'
  x: string
  y: string
  kid: string
  alg: typeof SIGNING_ALGORITHM
  use: 'sig'
}

export interface Jwks {
  keys: PublicJwk[]
}

export interface VerificationKey {
  kid: string
  publicKey: KeyObject
  publicKeyPem: string
  jwk: PublicJwk
}

export interface SigningKey extends VerificationKey {
  /** PKCS#8 PEM, the form fast-jwt's signer takes. */
  privateKeyPem: string
}

export interface KeySetConfig {
  /** PEM of the private key that signs new tokens (PKCS#8 `PRIVATE KEY` or SEC1 `EC PRIVATE KEY`). */
  signingKeyPem: string
  /**
   * Further keys to publish but not sign with, as concatenated PEM blocks (public or private): the next key, before it
   * starts signing, and the previous one, until the tokens it signed have expired.
   */
  additionalKeysPem?: string | undefined
}

export interface KeySet {
  active: SigningKey
  /** The active key first, then the additional ones; each `kid` once. */
  verificationKeys: VerificationKey[]
  findVerificationKey(kid: string): VerificationKey | undefined
  toJwks(): Jwks
}

export class KeyConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'KeyConfigError'
  }
}

export function loadKeySet(config: KeySetConfig): KeySet {
  const signingBlocks = splitPemBlocks(config.signingKeyPem)
  if (signingBlocks.length !== 1 || !signingBlocks[0]!.label.endsWith('PRIVATE KEY')) {
    throw new KeyConfigError('The signing key must be exactly one PEM private key')
  }
  const active = toSigningKey(parsePrivateKey(signingBlocks[0]!.pem))
  const verificationKeys: VerificationKey[] = [active]
  for (const block of splitPemBlocks(config.additionalKeysPem ?? '')) {
    const publicKey = block.label.endsWith('PRIVATE KEY')
      ? createPublicKey(parsePrivateKey(block.pem))
      : parsePublicKey(block.pem)
    const key = toVerificationKey(publicKey)
    if (!verificationKeys.some((known) => known.kid === key.kid)) verificationKeys.push(key)
  }
  const byKid = new Map(verificationKeys.map((key) => [key.kid, key]))
  return {
    active,
    verificationKeys,
    findVerificationKey: (kid) => byKid.get(kid),
    toJwks: () => ({ keys: verificationKeys.map((key) => ({ ...key.jwk })) }),
  }
}

/** A fresh P-256 private key as PKCS#8 PEM, for local development when no key is configured. */
export function generateDevKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: CURVE_NODE_NAME })
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

/** RFC 7638: base64url SHA-256 of the required members in lexicographic order, without whitespace. */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string; y: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
  return createHash('sha256').update(canonical, 'utf8').digest('base64url')
}

export interface PemBlock {
  label: string
  pem: string
}

/** Finds every PEM block in a text; environment variables often carry `\n` escapes instead of newlines. */
export function splitPemBlocks(text: string): PemBlock[] {
  const normalised = text.replace(/\\n/g, '\n')
  return [...normalised.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)].map((match) => ({
    label: match[1]!,
    pem: match[0],
  }))
}

function parsePrivateKey(pem: string): KeyObject {
  let key: KeyObject
  try {
    key = createPrivateKey({ key: pem, format: 'pem' })
  } catch (error) {
    throw new KeyConfigError('A configured private key could not be read (encrypted keys are not supported)', {
      cause: error,
    })
  }
  assertP256(key)
  return key
}

function parsePublicKey(pem: string): KeyObject {
  let key: KeyObject
  try {
    key = createPublicKey({ key: pem, format: 'pem' })
  } catch (error) {
    throw new KeyConfigError('A configured public key could not be read', { cause: error })
  }
  assertP256(key)
  return key
}

function assertP256(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== CURVE_NODE_NAME) {
    const found = key.asymmetricKeyDetails?.namedCurve ?? key.asymmetricKeyType ?? key.type
    throw new KeyConfigError(`Keys must be EC P-256 for ${SIGNING_ALGORITHM}; found ${found}`)
  }
}

function toVerificationKey(publicKey: KeyObject): VerificationKey {
  const { x, y } = publicKey.export({ format: 'jwk' })
  if (typeof x !== 'string' || typeof y !== 'string') throw new KeyConfigError('The public key has no coordinates')
  const kid = jwkThumbprint({ crv: 'P-256', kty: 'EC', x, y })
  // Built member by member, never spread from an export, so that no private member can reach the JWKS.
  const jwk: PublicJwk = { kty: 'EC', crv: 'P-256', x, y, kid, alg: SIGNING_ALGORITHM, use: 'sig' }
  return { kid, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), jwk }
}

function toSigningKey(privateKey: KeyObject): SigningKey {
  return {
    ...toVerificationKey(createPublicKey(privateKey)),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}
