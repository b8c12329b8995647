import { randomBytes } from 'node:crypto'
import t from 'tap'
import { createAccessTokenVerifier } from '../../src/auth/access-token.js'
import { createStaticKeySource, type KeySource } from '../../src/auth/key-source.js'
import { keysFromPem } from '../../src/auth/keys.js'
import { consultantClaims, customerClaims, generateTestKey, signToken, TEST_AUDIENCE, TEST_ISSUER } from '../../src/testing/index.js'
import { signHs256WithPublicKey, signRs256, unsignedToken } from './fixtures.js'

const key = generateTestKey()

function verifierWith(keys: KeySource = createStaticKeySource(keysFromPem(key.publicKeyPem)), cacheSize = 0) {
  return createAccessTokenVerifier({ issuer: TEST_ISSUER, audience: TEST_AUDIENCE, clockToleranceSec: 30, keys, cacheSize, cacheTtlMs: 60_000 })
}

const verify = verifierWith()
const reasonOf = async (token: string) => {
  const outcome = await verify(token)
  return outcome.ok ? 'accepted' : outcome.reason
}

t.test('a customer token becomes an AuthContext with branded ids and the expiry', async (t) => {
  const claims = customerClaims()
  const outcome = await verify(signToken(key, claims))
  t.ok(outcome.ok)
  if (!outcome.ok) return
  t.same(outcome.auth, {
    userId: 42,
    sessionId: claims.sid,
    tokenId: claims.jti,
    expiresAt: new Date((claims.exp as number) * 1000),
    role: 'customer',
  })
  t.notOk('consultantId' in outcome.auth, 'a customer has no consultantId')
})

t.test('a consultant token carries the consultant id', async (t) => {
  const outcome = await verify(signToken(key, consultantClaims()))
  t.match(outcome, { ok: true, auth: { role: 'consultant', userId: 77, consultantId: 9 } })
})

t.test('aud may be a single string; application/at+jwt is the same type', async (t) => {
  t.equal(await reasonOf(signToken(key, customerClaims({ aud: TEST_AUDIENCE }))), 'accepted')
  t.equal(await reasonOf(signToken(key, customerClaims(), { typ: 'application/AT+JWT' })), 'accepted')
})

t.test('the algorithm is pinned to ES256', async (t) => {
  const claims = customerClaims()
  t.equal(await reasonOf(unsignedToken(key, claims)), 'malformed', 'alg none without a signature')
  t.equal(await reasonOf(unsignedToken(key, claims, 'c2lnbmF0dXJl')), 'algorithm', 'alg none with a made-up signature')
  t.equal(await reasonOf(signHs256WithPublicKey(key, claims)), 'algorithm', 'HS256 keyed with the public key PEM')
  t.equal(await reasonOf(signRs256(key.kid, claims)), 'algorithm', 'RS256')
  t.equal(await reasonOf(signToken(key, claims, { alg: 'ES384' })), 'algorithm', 'another ECDSA size')
  t.equal(await reasonOf(signToken(key, claims, { alg: 'es256' })), 'algorithm', 'alg is case-sensitive')
})

t.test('typ must be at+jwt', async (t) => {
  t.equal(await reasonOf(signToken(key, customerClaims(), { typ: 'JWT' })), 'type')
  t.equal(await reasonOf(signToken(key, customerClaims(), { typ: undefined })), 'type', 'missing typ')
})

t.test('headers that point at or embed keys are refused, even alongside a known kid', async (t) => {
  const claims = customerClaims()
  t.equal(await reasonOf(signToken(key, claims, { jku: 'https://evil.example/jwks.json' })), 'header')
  t.equal(await reasonOf(signToken(key, claims, { x5u: 'https://evil.example/cert.pem' })), 'header')
  t.equal(await reasonOf(signToken(key, claims, { jwk: key.jwk })), 'header')
  t.equal(await reasonOf(signToken(key, claims, { x5c: ['MIIB'] })), 'header')
  t.equal(await reasonOf(signToken(key, claims, { 'x5t#S256': 'abc' })), 'header')
  t.equal(await reasonOf(signToken(key, claims, { crit: ['exp'] })), 'header')
  t.equal(await reasonOf(signToken(key, claims, { kid: undefined })), 'header', 'no kid')
  t.equal(await reasonOf(signToken(key, claims, { kid: 7 })), 'header', 'a kid that is not a string')
})

t.test('an unknown kid, and a foreign key that claims our kid', async (t) => {
  const other = generateTestKey()
  t.equal(await reasonOf(signToken(other, customerClaims())), 'unknown_kid')
  t.equal(await reasonOf(signToken(other, customerClaims(), { kid: key.kid })), 'signature')
})

t.test('issuer and audience', async (t) => {
  t.equal(await reasonOf(signToken(key, customerClaims({ iss: 'https://evil.example' }))), 'issuer')
  t.equal(await reasonOf(signToken(key, customerClaims({ iss: `${TEST_ISSUER}/` }))), 'issuer', 'no prefix or suffix match')
  t.equal(await reasonOf(signToken(key, customerClaims({ aud: ['catalog'] }))), 'audience')
  t.equal(await reasonOf(signToken(key, customerClaims({ aud: 'catalog' }))), 'audience')
  t.equal(await reasonOf(signToken(key, customerClaims({ aud: [] }))), 'audience')
  t.equal(await reasonOf(signToken(key, customerClaims({ aud: [TEST_AUDIENCE, 5] }))), 'audience')
  t.equal(await reasonOf(signToken(key, customerClaims({ aud: `${TEST_AUDIENCE}x` }))), 'audience')
})

t.test('exp is required and honoured with a 30 s tolerance (in seconds, not milliseconds); nbf too', async (t) => {
  const now = Math.floor(Date.now() / 1000)
  t.equal(await reasonOf(signToken(key, customerClaims({ exp: now - 10 }))), 'accepted', '10 s past exp')
  t.equal(await reasonOf(signToken(key, customerClaims({ exp: now - 20 }))), 'accepted', '20 s past exp')
  t.equal(await reasonOf(signToken(key, customerClaims({ exp: now - 45 }))), 'expired', '45 s past exp')
  t.equal(await reasonOf(signToken(key, customerClaims({ exp: now - 3600 }))), 'expired')
  t.equal(await reasonOf(signToken(key, customerClaims({ exp: undefined }))), 'claims', 'no exp')
  t.equal(await reasonOf(signToken(key, customerClaims({ exp: String(now + 60) }))), 'claims', 'exp as a string')
  t.equal(await reasonOf(signToken(key, customerClaims({ nbf: now + 120 }))), 'not_yet_valid')
  t.equal(await reasonOf(signToken(key, customerClaims({ nbf: now + 10 }))), 'accepted', 'nbf within the tolerance')
  t.equal(await reasonOf(signToken(key, customerClaims({ iat: now + 120, exp: now + 1000 }))), 'not_yet_valid', 'issued in the future')
  t.equal(await reasonOf(signToken(key, customerClaims({ iat: now + 10 }))), 'accepted', 'iat within the tolerance')
})

t.test('times are judged by the clock the service passes, on cache hits too', async (t) => {
  let nowMs = Date.now()
  const clocked = createAccessTokenVerifier({
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    clockToleranceSec: 30,
    keys: createStaticKeySource(keysFromPem(key.publicKeyPem)),
    cacheSize: 100,
    cacheTtlMs: 3_600_000,
    now: () => nowMs,
  })
  const nowSec = Math.floor(nowMs / 1000)
  const token = signToken(key, customerClaims({ iat: nowSec, exp: nowSec + 900 }))
  t.equal((await clocked(token)).ok, true)
  nowMs += 900_000 + 20_000
  t.equal((await clocked(token)).ok, true, 'within the tolerance after exp')
  nowMs += 20_000
  t.match(await clocked(token), { ok: false, reason: 'expired' }, 'a cached verification does not outlive exp')
  const ahead = signToken(key, customerClaims({ iat: nowSec + 3600, exp: nowSec + 4500 }))
  nowMs = Date.now()
  t.match(await clocked(ahead), { ok: false, reason: 'not_yet_valid' })
  nowMs += 3600_000
  t.equal((await clocked(ahead)).ok, true, 'the same token once the service clock has reached its iat')
})

t.test('claims must name a user, a session and a role', async (t) => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['sub as a number', { sub: 42 }],
    ['sub zero', { sub: '0' }],
    ['sub negative', { sub: '-4' }],
    ['sub with a leading zero', { sub: '042' }],
    ['sub not a number', { sub: 'admin' }],
    ['sub beyond INT', { sub: '2147483648' }],
    ['sid not a uuid', { sid: 'session-1' }],
    ['no jti', { jti: undefined }],
    ['empty jti', { jti: '' }],
    ['no iat', { iat: undefined }],
    ['unknown role', { role: 'admin' }],
    ['no role', { role: undefined }],
    ['customer with a consultant id', { consultant_id: 9 }],
  ]
  for (const [name, overrides] of cases) {
    t.equal(await reasonOf(signToken(key, customerClaims(overrides))), 'claims', name)
  }
  t.equal(await reasonOf(signToken(key, consultantClaims({ consultant_id: undefined }))), 'claims', 'consultant without id')
  t.equal(await reasonOf(signToken(key, consultantClaims({ consultant_id: '9' }))), 'claims', 'consultant id as a string')
  t.equal(await reasonOf(signToken(key, consultantClaims({ consultant_id: 0 }))), 'claims', 'consultant id zero')
  t.equal(await reasonOf(signToken(key, consultantClaims({ consultant_id: 1.5 }))), 'claims', 'consultant id not an integer')
})

t.test('malformed strings never throw', async (t) => {
  const good = signToken(key, customerClaims())
  const [h, p, s] = good.split('.') as [string, string, string]
  const inputs = [
    '',
    'abc',
    'a.b',
    'a.b.c.d',
    `${h}.${p}`,
    `${h}.${p}.${s}.${s}`,
    `${h}..${s}`,
    `.${p}.${s}`,
    `${h}=.${p}.${s}`,
    `${h}.${p}.${s}=`,
    `${Buffer.from('not json').toString('base64url')}.${p}.${s}`,
    `${Buffer.from('[1,2]').toString('base64url')}.${p}.${s}`,
    `${Buffer.from('null').toString('base64url')}.${p}.${s}`,
    `${h}.${Buffer.from('not json').toString('base64url')}.${s}`,
    `${h}.${Buffer.from('[]').toString('base64url')}.${s}`,
    `${h}.${p}.${s.slice(0, 20)}`,
    randomBytes(32).toString('base64url'),
  ]
  for (const input of inputs) {
    const reason = await reasonOf(input)
    t.not(reason, 'accepted', `refused: ${input.slice(0, 40)}`)
  }
})

t.test('the verify cache hands back the same verdict without skipping our own checks', async (t) => {
  const cached = verifierWith(undefined, 100)
  const token = signToken(key, customerClaims())
  t.match(await cached(token), { ok: true })
  t.match(await cached(token), { ok: true, auth: { userId: 42 } }, 'second call served from the cache')
  const wrongAudience = signToken(key, customerClaims({ aud: 'catalog' }))
  t.match(await cached(wrongAudience), { ok: false, reason: 'audience' })
  t.match(await cached(wrongAudience), { ok: false, reason: 'audience' }, 'a cached signature check still fails the audience')
})
