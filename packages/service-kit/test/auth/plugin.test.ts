import t from 'tap'
import { authPlugin, buildService } from '../../src/index.js'
import { testConfig } from '../helpers/test-app.js'
import { bearer, buildGuardedApp } from './app.js'
import { consultantClaims, customerClaims, generateTestKey, signToken, TEST_AUDIENCE, TEST_ISSUER } from '../../src/testing/index.js'
import { deadUrl, startJwksServer } from './fixtures.js'

const key = generateTestKey()
const nextKey = generateTestKey()

t.test('a valid token is accepted and request.auth filled, keys from a real JWKS endpoint', async (t) => {
  const jwks = await startJwksServer(t, [key.jwk])
  const app = await buildGuardedApp(t, { jwksUrl: jwks.url })
  const claims = customerClaims()
  const res = await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(key, claims)) })
  t.equal(res.statusCode, 200)
  t.same(res.json(), {
    userId: 42,
    role: 'customer',
    sessionId: claims.sid,
    tokenId: claims.jti,
    expiresAt: new Date((claims.exp as number) * 1000).toISOString(),
  })
  t.equal(jwks.requests(), 1)
})

t.test('a missing token or another scheme: 401 with a bare Bearer challenge', async (t) => {
  const app = await buildGuardedApp(t, { publicKeyPem: key.publicKeyPem })
  for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }]) {
    const res = await app.inject({ url: '/v1/consultants/me', headers })
    t.equal(res.statusCode, 401)
    t.equal(res.headers['www-authenticate'], 'Bearer')
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { code: 'COMMON_UNAUTHORIZED', detail: 'Authentication is required' })
  }
})

t.test('an invalid token: 401 invalid_token, an expired one says so, in the request language', async (t) => {
  const app = await buildGuardedApp(t, { publicKeyPem: key.publicKeyPem })
  const bad = await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(key, customerClaims({ aud: 'catalog' }))) })
  t.equal(bad.statusCode, 401)
  t.equal(bad.headers['www-authenticate'], 'Bearer error="invalid_token"')
  t.match(bad.json(), { code: 'COMMON_UNAUTHORIZED', detail: 'The access token is not valid' })

  const exp = Math.floor(Date.now() / 1000) - 60
  const expired = await app.inject({
    url: '/v1/consultants/me',
    headers: { ...bearer(signToken(key, customerClaims({ exp }))), 'accept-language': 'ar' },
  })
  t.equal(expired.statusCode, 401)
  t.equal(expired.headers['www-authenticate'], 'Bearer error="invalid_token", error_description="The access token expired"')
  t.match(expired.json(), { code: 'COMMON_UNAUTHORIZED', detail: 'انتهت صلاحية رمز الدخول' })
})

t.test('requireConsultant: 403 for a customer, the consultant id for a consultant', async (t) => {
  const app = await buildGuardedApp(t, { publicKeyPem: key.publicKeyPem })
  const customer = await app.inject({ url: '/v1/consultants/me/consultant', headers: bearer(signToken(key, customerClaims())) })
  t.equal(customer.statusCode, 403)
  t.match(customer.json(), { code: 'COMMON_FORBIDDEN', detail: 'Only a consultant can do this' })
  t.notOk(customer.headers['www-authenticate'])

  const consultant = await app.inject({ url: '/v1/consultants/me/consultant', headers: bearer(signToken(key, consultantClaims())) })
  t.equal(consultant.statusCode, 200)
  t.same(consultant.json(), { consultantId: 9 })

  const anonymous = await app.inject({ url: '/v1/consultants/me/consultant' })
  t.equal(anonymous.statusCode, 401, 'no token is 401, not 403')
})

t.test('PEM mode needs no JWKS server; several PEM keys allow rotation', async (t) => {
  const app = await buildGuardedApp(t, { publicKeyPem: `${key.publicKeyPem}${nextKey.publicKeyPem}` })
  for (const signer of [key, nextKey]) {
    const res = await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(signer, customerClaims())) })
    t.equal(res.statusCode, 200)
  }
  const stranger = await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(generateTestKey(), customerClaims())) })
  t.equal(stranger.statusCode, 401)
})

t.test('key rotation: a JWKS with two keys accepts tokens of both', async (t) => {
  const jwks = await startJwksServer(t, [key.jwk, nextKey.jwk])
  const app = await buildGuardedApp(t, { jwksUrl: jwks.url })
  for (const signer of [key, nextKey]) {
    const res = await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(signer, customerClaims())) })
    t.equal(res.statusCode, 200)
  }
  t.equal(jwks.requests(), 1)
})

t.test('a flood of unknown kids costs the auth service at most one request per 30 s', async (t) => {
  const jwks = await startJwksServer(t, [key.jwk])
  const app = await buildGuardedApp(t, { jwksUrl: jwks.url })
  await app.ready()
  const attacker = generateTestKey()
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(attacker, customerClaims(), { kid: `kid-${i}` })) }),
    ),
  )
  t.ok(answers.every((res) => res.statusCode === 401 && res.headers['www-authenticate'] === 'Bearer error="invalid_token"'))
  t.equal(jwks.requests(), 1, 'only the start-up fetch')
  const valid = await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(key, customerClaims())) })
  t.equal(valid.statusCode, 200, 'known keys keep working meanwhile')
})

t.test('JWKS unreachable and no key held: 503 with Retry-After, not a verdict on the token', async (t) => {
  const app = await buildGuardedApp(t, { jwksUrl: await deadUrl(), fetchTimeoutMs: 500 })
  const res = await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(key, customerClaims())) })
  t.equal(res.statusCode, 503)
  t.match(res.json(), { code: 'COMMON_UNAVAILABLE' })
  t.match(res.headers['retry-after'], /^[1-5]$/)
  t.notOk(res.headers['www-authenticate'])

  const junk = await app.inject({ url: '/v1/consultants/me', headers: bearer('not-a-jwt') })
  t.equal(junk.statusCode, 401, 'a token that cannot be valid is refused without keys')
})

t.test('the guard as onRequest refuses before the body is read; as preHandler it works too', async (t) => {
  const app = await buildGuardedApp(t, { publicKeyPem: key.publicKeyPem })
  const anonymous = await app.inject({ method: 'POST', url: '/v1/consultants/notes', payload: { nope: true } })
  t.equal(anonymous.statusCode, 401, 'no validation error is revealed to an anonymous caller')
  const signedIn = await app.inject({
    method: 'POST',
    url: '/v1/consultants/notes',
    headers: bearer(signToken(key, customerClaims())),
    payload: { text: 'hi' },
  })
  t.equal(signedIn.statusCode, 201)
  t.same(signedIn.json(), { by: 42, text: 'hi' })

  const late = await app.inject({ url: '/v1/consultants/me/late', headers: bearer(signToken(key, customerClaims())) })
  t.same(late.json(), { userId: 42 })
  t.equal((await app.inject({ url: '/v1/consultants/me/late' })).statusCode, 401)
})

t.test('reading request.auth on an unguarded route is a loud programming error', async (t) => {
  const app = await buildGuardedApp(t, { publicKeyPem: key.publicKeyPem })
  const res = await app.inject({ url: '/v1/consultants/open', headers: bearer(signToken(key, customerClaims())) })
  t.equal(res.statusCode, 500)
})

t.test('options are checked when the plugin is registered', async (t) => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['no key source', { issuer: TEST_ISSUER, audience: TEST_AUDIENCE }, /exactly one of jwksUrl and publicKeyPem/],
    ['both key sources', { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, jwksUrl: 'http://auth/jwks', publicKeyPem: key.publicKeyPem }, /exactly one/],
    ['a non-http URL', { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, jwksUrl: 'file:///etc/jwks.json' }, /http\(s\) URL/],
    ['no audience', { issuer: TEST_ISSUER, audience: ' ', publicKeyPem: key.publicKeyPem }, /audience/],
    ['no issuer', { issuer: '', audience: TEST_AUDIENCE, publicKeyPem: key.publicKeyPem }, /issuer/],
    ['tolerance in ms by mistake', { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, publicKeyPem: key.publicKeyPem, clockToleranceSec: 30_000 }, /0 to 300/],
    ['a private key', { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, publicKeyPem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }) }, /PUBLIC KEY/],
  ]
  for (const [name, options, message] of cases) {
    const app = await buildService({ name: 'x', version: '1.0.0', config: testConfig(), logger: false })
    await t.rejects(async () => app.register(authPlugin, options as never).ready(), message, name)
    await app.close()
  }
})
