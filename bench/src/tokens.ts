import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto'

// Access tokens made the way the auth service signs them (ES256, typ at+jwt, the key's RFC 7638 thumbprint as kid),
// as apps/consultants/test/helpers/tokens.ts does, for a key only this run knows.

/** The issuer the services under test are told to trust (AUTH_ISSUER); never a real one. */
export const BENCH_ISSUER = 'https://bench.invalid/v1/auth'

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const { x, y } = publicKey.export({ format: 'jwk' }) as { x: string; y: string }
const kid = createHash('sha256').update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y })).digest('base64url')

/** AUTH_PUBLIC_KEY_PEM of the services under test. */
export const BENCH_PUBLIC_KEY_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString()

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A consultant's access token, valid for an hour from now. */
export function consultantToken(ids: { customerId: number; consultantId: number }): string {
  const iat = Math.floor(Date.now() / 1000)
  const claims = {
    iss: BENCH_ISSUER,
    sub: String(ids.customerId),
    aud: ['consultants', 'catalog'],
    sid: randomUUID(),
    jti: randomUUID(),
    iat,
    exp: iat + 3600,
    role: 'consultant',
    consultant_id: ids.consultantId,
  }
  const input = `${encode({ alg: 'ES256', typ: 'at+jwt', kid })}.${encode(claims)}`
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${signature.toString('base64url')}`
}
