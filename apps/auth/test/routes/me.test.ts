import { createHmac, createPrivateKey } from 'node:crypto'
import { findScenario } from '@cp/db/seed'
import { createSigner } from 'fast-jwt'
import t from 'tap'
import { generateDevKeyPem, loadKeySet } from '../../src/lib/keys.js'
import { bearer, buildTestAuth, CONTENT_URL, ISSUER, signInWithSeedPassword } from '../helpers/app.js'
import { decodeJwt } from '../helpers/jwt.js'

const { app, prisma, config, signingKeyPem, clock } = await buildTestAuth(t)
const me = (headers: Record<string, string>) => app.inject({ url: '/v1/auth/me', headers })

const signIn = (login: string, role?: 'customer' | 'consultant') => signInWithSeedPassword(app, login, role)

t.test('a customer gets their profile', async (t) => {
  const { customerId } = await findScenario(prisma, 'activeCustomer')
  const { accessToken } = await signIn('active.customer@seed.test')
  await prisma.customer.update({ where: { customerId }, data: { photo: 'customers/sara.jpg' } })
  const res = await me(bearer(accessToken))
  t.equal(res.statusCode, 200)
  t.match(res.headers['cache-control'], /no-store/)
  t.same(res.json(), {
    id: customerId,
    firstName: 'سارة',
    lastName: 'القحطاني',
    fullName: 'سارة القحطاني',
    email: 'active.customer@seed.test',
    phone: '+966500000001',
    photoUrl: `${CONTENT_URL}customers/sara.jpg`,
    gender: null,
    birthDate: null,
    language: 'ar',
    verified: true,
    createdAt: res.json().createdAt,
    role: 'customer',
    consultant: null,
  })
  t.notOk(JSON.stringify(res.json()).includes('$2y$'), 'no password material')
})

t.test('a consultant also gets their consultant profile, in the request language', async (t) => {
  const { customerId, consultantId } = await findScenario(prisma, 'eligible')
  const { accessToken } = await signIn('eligible.consultant@seed.test', 'consultant')
  const en = (await me({ ...bearer(accessToken), 'accept-language': 'en' })).json()
  t.match(en, { id: customerId, role: 'consultant', consultant: { id: consultantId, userId: customerId, name: 'أحمد المالكي' } })
  const row = await prisma.consultant.findUniqueOrThrow({ where: { consultantId } })
  t.equal(en.consultant.title, row.titleEn)
  const ar = (await me({ ...bearer(accessToken), 'accept-language': 'ar' })).json()
  t.equal(ar.consultant.title, row.titleAr)
})

t.test('missing, malformed and oversized Authorization headers are 401 with a challenge', async (t) => {
  for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }] as Array<Record<string, string>>) {
    const missing = await me(headers)
    t.equal(missing.statusCode, 401)
    t.equal(missing.json().code, 'COMMON_UNAUTHORIZED')
    t.equal(missing.headers['www-authenticate'], 'Bearer', 'no bearer credentials: the bare challenge')
  }
  for (const authorization of ['Bearer', 'Bearer a b', 'Bearer not.a.jwt', `Bearer ${'a'.repeat(100 * 1024)}`]) {
    const res = await me({ authorization })
    t.equal(res.statusCode, 401, authorization.slice(0, 20))
    t.equal(res.json().code, 'COMMON_UNAUTHORIZED')
    t.match(res.headers['www-authenticate'], /error="invalid_token"/)
  }
  const { accessToken } = await signIn('active.customer@seed.test')
  t.equal((await me({ authorization: `bearer ${accessToken}` })).statusCode, 200, 'the scheme is case-insensitive')
})

t.test('forged and misdirected tokens are refused', async (t) => {
  const { accessToken } = await signIn('active.customer@seed.test')
  const { header, payload } = decodeJwt(accessToken)
  const kid = header.kid as string
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const signWith = (pem: string, claims: object, extraHeader: object = {}, keyId = kid) =>
    createSigner({ algorithm: 'ES256', key: pem, kid: keyId, header: { alg: 'ES256', typ: 'at+jwt', ...extraHeader } })({ ...claims })
  // The service judges token times by its own clock (the test's hand clock here).
  const now = Math.floor(clock.now().getTime() / 1000)

  t.equal((await me(bearer(signWith(signingKeyPem, payload)))).statusCode, 200, 'control: our own signature passes')

  const unsigned = `${b64({ alg: 'none', typ: 'at+jwt', kid })}.${b64(payload)}.`
  const publicPem = config.keys.active.publicKeyPem
  const hsInput = `${b64({ alg: 'HS256', typ: 'at+jwt', kid })}.${b64(payload)}`
  const hs256 = `${hsInput}.${createHmac('sha256', publicPem).update(hsInput).digest('base64url')}`
  const otherPem = generateDevKeyPem()
  const otherKid = loadKeySet({ signingKeyPem: otherPem }).active.kid
  const cases: Record<string, string> = {
    'alg none': unsigned,
    'HS256 with the public key as secret': hs256,
    'unknown kid': signWith(otherPem, payload, {}, otherKid),
    'another key under our kid': signWith(otherPem, payload),
    'jku header': signWith(signingKeyPem, payload, { jku: 'https://evil.example/jwks.json' }),
    'jwk header': signWith(signingKeyPem, payload, { jwk: loadKeySet({ signingKeyPem: otherPem }).active.jwk }),
    'wrong aud': signWith(signingKeyPem, { ...payload, aud: ['consultants', 'catalog'] }),
    'wrong iss': signWith(signingKeyPem, { ...payload, iss: 'https://evil.example' }),
    'wrong typ': signWith(signingKeyPem, payload, { typ: 'JWT' }),
    'no sid': signWith(signingKeyPem, { ...payload, sid: undefined }),
    'expired beyond the 30 s tolerance': signWith(signingKeyPem, { ...payload, iat: now - 960, exp: now - 30 }),
    'tampered subject': `${accessToken.split('.')[0]}.${b64({ ...payload, sub: String(Number(payload.sub) + 1) })}.${accessToken.split('.')[2]}`,
  }
  for (const [name, token] of Object.entries(cases)) {
    const res = await me(bearer(token))
    t.equal(res.statusCode, 401, name)
    t.equal(res.json().code, 'COMMON_UNAUTHORIZED', name)
  }
  const justWithin = signWith(signingKeyPem, { ...payload, iat: now - 928, exp: now - 28 })
  t.equal((await me(bearer(justWithin))).statusCode, 200, 'expired 28 s ago is within the tolerance')
})

t.test('a token of a session that has ended is refused here at once', async (t) => {
  const { accessToken } = await signIn('active.customer@seed.test')
  await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(accessToken) })
  const res = await me(bearer(accessToken))
  t.equal(res.statusCode, 401)
  t.equal(res.json().code, 'AUTH_SESSION_ENDED')
})
