import { createHash, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto'

// Access tokens made with node:crypto alone, the way the auth service signs them (ES256, typ at+jwt, the key's
// RFC 7638 thumbprint as kid), so these tests depend neither on apps/auth nor on the verifier to make their input.

export const ISSUER = 'https://api.example.test/v1/auth'

export interface SigningKey {
  readonly kid: string
  readonly privateKey: KeyObject
  readonly publicKeyPem: string
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const { x, y } = publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  return {
    kid: createHash('sha256').update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y })).digest('base64url'),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

/** The key every test app trusts. */
export const TEST_KEY = generateSigningKey()

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

export function signAccessToken(claims: Record<string, unknown>, key: SigningKey = TEST_KEY): string {
  const input = `${encode({ alg: 'ES256', typ: 'at+jwt', kid: key.kid })}.${encode(claims)}`
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${signature.toString('base64url')}`
}

/** Claims valid right now (the verifier reads the real clock, not the app's fixed one). */
function baseClaims(userId: number, overrides: Record<string, unknown>): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000)
  return {
    iss: ISSUER,
    sub: String(userId),
    aud: ['consultants', 'catalog'],
    sid: randomUUID(),
    jti: randomUUID(),
    iat,
    exp: iat + 900,
    ...overrides,
  }
}

export function consultantToken(ids: { customerId: number; consultantId: number }, overrides: Record<string, unknown> = {}) {
  return signAccessToken(baseClaims(ids.customerId, { role: 'consultant', consultant_id: ids.consultantId, ...overrides }))
}

export function customerToken(customerId: number, overrides: Record<string, unknown> = {}) {
  return signAccessToken(baseClaims(customerId, { role: 'customer', ...overrides }))
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
