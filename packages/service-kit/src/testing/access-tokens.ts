import { createHash, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto'

// Keys and access tokens made with node:crypto alone, the way the auth service makes them (ES256, typ at+jwt, the
// key's RFC 7638 thumbprint as kid), so tests depend neither on apps/auth nor on the verifier to make their input.

/** The issuer test apps are told to trust (AUTH_ISSUER); never a real one. */
export const TEST_ISSUER = 'https://api.example.test/v1/auth'
/** The audience of the service under test in service-kit's own tests; tokens name it and `catalog`. */
export const TEST_AUDIENCE = 'consultants'

export interface TestKey {
  readonly kid: string
  readonly privateKey: KeyObject
  readonly publicKeyPem: string
  readonly jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg: 'ES256'; use: 'sig' }
}

export function generateTestKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const { x, y } = publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  const kid = createHash('sha256').update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y })).digest('base64url')
  return {
    kid,
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwk: { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' },
  }
}

/** A customer's claims, valid for 15 minutes from now (verifiers read the real clock); `overrides` win. */
export function customerClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000)
  return {
    iss: TEST_ISSUER,
    sub: '42',
    aud: [TEST_AUDIENCE, 'catalog'],
    role: 'customer',
    sid: randomUUID(),
    jti: randomUUID(),
    iat,
    exp: iat + 900,
    ...overrides,
  }
}

/** A consultant's claims (customer 77, consultant 9 unless overridden). */
export function consultantClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return customerClaims({ sub: '77', role: 'consultant', consultant_id: 9, ...overrides })
}

export const encodeTokenPart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Signs like the auth service: ES256, `typ: at+jwt`, the key's thumbprint as `kid`, unless the header says otherwise. */
export function signToken(key: TestKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const input = `${encodeTokenPart({ alg: 'ES256', typ: 'at+jwt', kid: key.kid, ...header })}.${encodeTokenPart(claims)}`
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${signature.toString('base64url')}`
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
