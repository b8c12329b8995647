import t from 'tap'
import { createVerifier } from 'fast-jwt'
import { randomUUID, verify as verifySignature } from 'node:crypto'
import { asConsultantId, asSessionId, createTokenPayload } from '@cp/domain'
import { generateDevKeyPem, loadKeySet } from '../../src/lib/keys.js'
import {
  ACCESS_TOKEN_TYPE,
  createAccessTokenSigner,
  generateRefreshToken,
  hashRefreshToken,
  isRefreshTokenFormat,
} from '../../src/lib/tokens.js'

const keys = loadKeySet({ signingKeyPem: generateDevKeyPem() })
const other = loadKeySet({ signingKeyPem: generateDevKeyPem() })
const signAccessToken = createAccessTokenSigner(keys.active)
const now = Math.floor(Date.now() / 1000)
const claims = {
  iss: 'https://auth.example',
  sub: '42',
  aud: ['consultants', 'catalog'],
  role: 'consultant',
  consultantId: 7,
  sid: 'session-1',
  jti: 'token-1',
  iat: now,
  exp: now + 900,
}

const decodePart = (token: string, index: number) =>
  JSON.parse(Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8')) as Record<string, unknown>

t.test('a signed access token verifies with the public key and the algorithm pinned', async (t) => {
  const token = signAccessToken(claims)
  const verify = createVerifier({
    key: keys.active.publicKeyPem,
    algorithms: ['ES256'],
    checkTyp: ACCESS_TOKEN_TYPE,
    allowedIss: claims.iss,
    allowedAud: 'catalog',
  })
  t.same(verify(token), claims, 'the claims come back unchanged, iat and exp included')
})

t.test('claims built by createTokenPayload sign as they are', async (t) => {
  const payload = createTokenPayload({
    user: { customerId: 42 },
    consultantId: asConsultantId(7),
    sessionId: asSessionId(randomUUID()),
    audience: ['consultants', 'catalog'],
    issuer: 'https://auth.example',
    now: new Date(),
    ttlSeconds: 900,
    jti: randomUUID(),
  })
  const verify = createVerifier({ key: keys.active.publicKeyPem, algorithms: ['ES256'], checkTyp: 'at+jwt' })
  t.same(verify(signAccessToken(payload)), payload)
})

t.test('the header carries alg, typ and kid', async (t) => {
  const token = signAccessToken(claims)
  t.same(decodePart(token, 0), { alg: 'ES256', typ: 'at+jwt', kid: keys.active.kid })
})

t.test('the signature is a JOSE ES256 signature over the signing input', async (t) => {
  const token = signAccessToken(claims)
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const raw = Buffer.from(signature, 'base64url')
  t.equal(raw.length, 64, 'r and s, 32 bytes each (not DER)')
  const valid = verifySignature(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: keys.active.publicKey, dsaEncoding: 'ieee-p1363' },
    raw,
  )
  t.equal(valid, true)
})

t.test('the token fails with another key', async (t) => {
  const token = signAccessToken(claims)
  t.throws(() => createVerifier({ key: other.active.publicKeyPem, algorithms: ['ES256'] })(token), {
    code: 'FAST_JWT_INVALID_SIGNATURE',
  })
})

t.test('claims are copied, not mutated, and iat is added when missing', async (t) => {
  const input = { sub: '1', exp: now + 60 }
  const token = signAccessToken(input)
  t.same(input, { sub: '1', exp: now + 60 })
  const iat = decodePart(token, 1).iat
  t.type(iat, 'number')
  t.ok(Math.abs((iat as number) - now) < 60)
})

t.test('claims without a usable exp are refused', async (t) => {
  for (const exp of [undefined, 0, -1, 1.5, '1700000000', Number.NaN]) {
    t.throws(() => signAccessToken({ sub: '1', exp: exp as number }), TypeError, String(exp))
  }
})

t.test('refresh tokens are 256 random bits in base64url', async (t) => {
  const seen = new Set<string>()
  let malformed = 0
  for (let i = 0; i < 1000; i++) {
    const token = generateRefreshToken()
    if (!isRefreshTokenFormat(token)) malformed++
    seen.add(token)
  }
  t.equal(malformed, 0)
  t.equal(seen.size, 1000)
  const sample = [...seen][0]!
  t.equal(Buffer.from(sample, 'base64url').length, 32)
})

t.test('refresh token shape check', async (t) => {
  const token = generateRefreshToken()
  t.equal(isRefreshTokenFormat(`${token}A`), false)
  t.equal(isRefreshTokenFormat(token.slice(1)), false)
  t.equal(isRefreshTokenFormat(`${token.slice(1)}=`), false)
  t.equal(isRefreshTokenFormat(`${token.slice(1)}+`), false)
  t.equal(isRefreshTokenFormat(signAccessToken(claims)), false, 'an access token is not a refresh token')
  t.equal(isRefreshTokenFormat(42), false)
})

t.test('refresh tokens are stored as their SHA-256 in hex', async (t) => {
  t.equal(hashRefreshToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  const token = generateRefreshToken()
  t.equal(hashRefreshToken(token), hashRefreshToken(token))
  t.not(hashRefreshToken(token), hashRefreshToken(generateRefreshToken()))
})
