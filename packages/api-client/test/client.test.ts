import { buildAuthApp } from '@cp/auth/src/app.js'
import { loadAuthConfig } from '@cp/auth/src/config.js'
import { generateDevKeyPem } from '@cp/auth/src/lib/keys.js'
import { createMemorySender } from '@cp/auth/src/lib/senders.js'
import { buildCatalogApp } from '@cp/catalog/src/app.js'
import { loadCatalogConfig } from '@cp/catalog/src/config.js'
import { createTestDatabase } from '@cp/db/testing'
import { seedScenarios } from '@cp/db/seed'
import t, { type Test } from 'tap'
import { createAuthClient, createCatalogClient, isProblem, type Problem } from '../src/index.js'

const CONTENT_URL = 'https://cdn.example.test/media/'

/** A seeded database, and the app built on it listening on a free loopback port: the client goes over real HTTP. */
async function seededDatabase(t: Test) {
  const database = await createTestDatabase(t, { connect: true })
  await seedScenarios(database.db!.prisma)
  return database.url
}

async function listen(t: Test, app: Awaited<ReturnType<typeof buildCatalogApp>>) {
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP')
  return `http://127.0.0.1:${address.port}`
}

t.test('the catalog through the typed client: data, languages, 404 and 400 as problems, 304', async (t) => {
  const url = await seededDatabase(t)
  const config = loadCatalogConfig({ NODE_ENV: 'test', DATABASE_URL: url, CONTENT_URL, RATE_LIMIT_MAX: '10000' })
  const base = await listen(t, await buildCatalogApp({ config, logger: false }))
  const catalog = createCatalogClient(`${base}/`, { headers: { 'accept-language': 'en' } })

  const list = await catalog.GET('/v1/catalog/consultation-categories')
  t.equal(list.response.status, 200)
  // Typed: `items` is the document's array, so names and orders are read without casts.
  const items = list.data?.items ?? []
  t.same(items.map((item) => item.name), ['Family', 'Financial', 'Legal', 'Psychological'], 'active only, list order')
  t.same(items.map((item) => item.order), [1, 2, 3, 4])
  t.equal(items[0]?.imageUrl, `${CONTENT_URL}categories/family.png`)
  t.equal(list.error, undefined)

  const family = items[0]!
  const arabic = await catalog.GET('/v1/catalog/consultation-categories/{id}', {
    params: { path: { id: String(family.id) }, query: { translations: true } },
    headers: { 'accept-language': 'ar' },
  })
  t.equal(arabic.response.status, 200)
  t.equal(arabic.data?.name, 'استشارات أسرية', 'the per-request header wins over the client default')
  t.same(arabic.data?.names, { en: 'Family', ar: 'استشارات أسرية' })

  const services = await catalog.GET('/v1/catalog/service-categories', {
    params: { query: { categoryId: items[2]!.id } },
  })
  t.ok(services.data && services.data.items.length > 0, 'services of the Legal category')
  t.ok(services.data?.items.every((service) => service.parentCategoryId === items[2]!.id))

  const missing = await catalog.GET('/v1/catalog/consultation-categories/{id}', {
    params: { path: { id: '999999' } },
  })
  t.equal(missing.response.status, 404)
  t.match(missing.response.headers.get('content-type'), /^application\/problem\+json/)
  t.equal(missing.data, undefined)
  t.ok(isProblem(missing.error), 'the problem+json body is parsed')
  const problem: Problem | undefined = isProblem(missing.error) ? missing.error : undefined
  t.match(problem, { status: 404, code: 'CATALOG_CATEGORY_NOT_FOUND', title: String })
  t.equal(problem?.requestId, missing.response.headers.get('x-request-id'))

  const invalid = await catalog.GET('/v1/catalog/consultation-categories/{id}', { params: { path: { id: 'abc' } } })
  t.equal(invalid.response.status, 400)
  t.match(invalid.error, { code: 'COMMON_VALIDATION', errors: [{ path: '/params/id' }] })

  // A 304 has no body: openapi-fetch reports it as an error whose body is empty text, with no data.
  const etag = list.response.headers.get('etag')
  t.ok(etag, 'the list is cacheable')
  const unchanged = await catalog.GET('/v1/catalog/consultation-categories', { headers: { 'if-none-match': etag! } })
  t.equal(unchanged.response.status, 304)
  t.equal(unchanged.data, undefined)
  t.notOk(isProblem(unchanged.error))
})

t.test('auth through the typed client: 202 and 200 bodies, bearer tokens, 204 without a body, a 401 problem', async (t) => {
  const url = await seededDatabase(t)
  const sender = createMemorySender()
  const config = loadAuthConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    CONTENT_URL,
    RATE_LIMIT_MAX: '10000',
    AUTH_ISSUER: 'https://auth.example.test',
    AUTH_SIGNING_KEY: generateDevKeyPem(),
    AUTH_OTP_PEPPER: 'client-test-pepper-0123456789-abcdefghij',
    AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '0',
  })
  const app = await buildAuthApp({ config, logger: false, sender })
  const base = await listen(t, app)
  let accessToken: string | undefined
  const auth = createAuthClient(base, { accessToken: () => accessToken })

  const destination = 'active.customer@seed.test'
  const requested = await auth.POST('/v1/auth/otp/request', { body: { destination } })
  t.equal(requested.response.status, 202)
  t.same(requested.data, { expiresIn: 300, resendAfter: 60 }, 'a 202 body is data like a 200 body')
  await app.drainCodeDeliveries()
  const code = sender.lastCodeFor(destination)
  t.match(code, /^[0-9]{6}$/)

  const verified = await auth.POST('/v1/auth/otp/verify', { body: { destination, code: code! } })
  t.equal(verified.response.status, 200)
  t.match(verified.data, { tokenType: 'Bearer', user: { role: 'customer', consultantId: null } })
  accessToken = verified.data?.accessToken

  const me = await auth.GET('/v1/auth/me')
  t.equal(me.response.status, 200, 'the access token went out as a bearer token')
  t.equal(me.data?.email, destination)

  const refreshToken = verified.data!.refreshToken
  const loggedOut = await auth.POST('/v1/auth/logout')
  t.equal(loggedOut.response.status, 204)
  t.equal(loggedOut.data, undefined, 'no body to parse')
  t.equal(loggedOut.error, undefined)

  const refused = await auth.POST('/v1/auth/token/refresh', { body: { refreshToken } })
  t.equal(refused.response.status, 401)
  t.ok(isProblem(refused.error))
  t.match(refused.error, { status: 401, code: /^AUTH_/ })

  accessToken = undefined
  const anonymous = await auth.GET('/v1/auth/me')
  t.equal(anonymous.response.status, 401, 'no token, no header')
})
