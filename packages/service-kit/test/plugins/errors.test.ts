import t from 'tap'
import { buildTestApp } from '../helpers/test-app.js'

const PROBLEM = 'application/problem+json; charset=utf-8'

t.test('a validation failure is a problem with the failing query parameter, in English by default', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/v1/test/items?page=0' })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['content-type'], PROBLEM)
  t.equal(res.headers['content-language'], 'en')
  t.match(res.headers.vary, /Accept-Language/)
  const body = res.json()
  t.match(body, {
    type: 'urn:problem:COMMON_VALIDATION',
    title: 'The request is not valid',
    status: 400,
    code: 'COMMON_VALIDATION',
    instance: '/v1/test/items',
    requestId: res.headers['x-request-id'],
    errors: [{ path: '/query/page', message: 'must be >= 1' }],
  })
})

t.test('the same failure in Arabic when the client prefers it', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'GET',
    url: '/v1/test/items?page=abc',
    headers: { 'accept-language': 'ar-SA,ar;q=0.9' },
  })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['content-language'], 'ar')
  t.match(res.json(), { title: 'الطلب غير صالح', detail: 'الطلب غير صالح', code: 'COMMON_VALIDATION', errors: [{ path: '/query/page' }] })
})

t.test('a body that breaks the schema names the body field', async (t) => {
  const app = await buildTestApp(t)
  const missing = await app.inject({ method: 'POST', url: '/v1/test/items', payload: { count: 1 } })
  t.equal(missing.statusCode, 400)
  t.same(missing.json().errors, [{ path: '/body/name', message: 'is required' }])
  // Bodies are not coerced: a quoted number is a string, not an integer.
  const quoted = await app.inject({ method: 'POST', url: '/v1/test/items', payload: { name: 'a', count: '5' } })
  t.equal(quoted.statusCode, 400)
  t.same(quoted.json().errors, [{ path: '/body/count', message: 'must be integer' }])
})

t.test('query parameters are coerced from text, unknown ones are refused', async (t) => {
  const app = await buildTestApp(t)
  const ok = await app.inject({ method: 'GET', url: '/v1/test/items?page=3' })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { page: 3, items: [] })
  const defaulted = await app.inject({ method: 'GET', url: '/v1/test/items' })
  t.same(defaulted.json(), { page: 1, items: [] })
  const unknown = await app.inject({ method: 'GET', url: '/v1/test/items?page=1&sort=name' })
  t.equal(unknown.statusCode, 400)
  t.same(unknown.json().errors, [{ path: '/query/sort', message: 'is not allowed' }])
})

t.test('an unknown route is a rate-limited 404 problem in the request language', async (t) => {
  const app = await buildTestApp(t)
  const en = await app.inject({ method: 'GET', url: '/v1/nothing/here?token=secret' })
  t.equal(en.statusCode, 404)
  t.equal(en.headers['content-type'], PROBLEM)
  t.ok(en.headers['x-ratelimit-limit'], 'the not-found handler is behind the rate limiter')
  t.match(en.json(), {
    code: 'COMMON_NOT_FOUND',
    status: 404,
    title: 'The requested resource was not found',
    instance: '/v1/nothing/here',
  })
  const ar = await app.inject({ method: 'GET', url: '/v1/nothing/here', headers: { 'accept-language': 'ar' } })
  t.equal(ar.statusCode, 404)
  t.equal(ar.json().title, 'المورد المطلوب غير موجود')
  t.equal(ar.headers['content-language'], 'ar')
})

t.test('malformed JSON is a 400 bad request', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: '/v1/test/items',
    headers: { 'content-type': 'application/json' },
    payload: '{"name": "a", ',
  })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['content-type'], PROBLEM)
  t.match(res.json(), { code: 'COMMON_BAD_REQUEST', status: 400 })
  t.notOk(res.json().errors)
})

t.test('a body over the limit is a 413', async (t) => {
  const app = await buildTestApp(t, { bodyLimit: 1024 })
  const res = await app.inject({ method: 'POST', url: '/v1/test/items', payload: { name: 'x'.repeat(2000), count: 1 } })
  t.equal(res.statusCode, 413)
  t.match(res.json(), { code: 'COMMON_PAYLOAD_TOO_LARGE', status: 413 })
})

t.test('the default body limit is 100 KiB', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'POST', url: '/v1/test/items', payload: { name: 'x'.repeat(101 * 1024), count: 1 } })
  t.equal(res.statusCode, 413)
  const fits = await app.inject({ method: 'POST', url: '/v1/test/items', payload: { name: 'x'.repeat(99 * 1024), count: 1 } })
  t.equal(fits.statusCode, 201)
})

t.test('a content type without a parser is a 415', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: '/v1/test/items',
    headers: { 'content-type': 'application/xml' },
    payload: '<item/>',
  })
  t.equal(res.statusCode, 415)
  t.match(res.json(), { code: 'COMMON_UNSUPPORTED_MEDIA_TYPE', status: 415 })
})

t.test('an unexpected error is a 500 that reveals nothing', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/v1/test/boom' })
  t.equal(res.statusCode, 500)
  t.equal(res.headers['content-type'], PROBLEM)
  t.same(Object.keys(res.json()).sort(), ['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type'])
  t.match(res.json(), { code: 'COMMON_INTERNAL', title: 'Something went wrong on our side', detail: 'Something went wrong on our side' })
  t.notMatch(res.body, /ECONNREFUSED|10\.0\.0\.7|root|stack|at /)
})

t.test('an error the service recognises as an outage is a 503 with Retry-After, still revealing nothing', async (t) => {
  const app = await buildTestApp(t, { isUnavailable: (error) => error instanceof Error && /ECONNREFUSED/.test(error.message) })
  const res = await app.inject({ method: 'GET', url: '/v1/test/boom', headers: { 'accept-language': 'ar' } })
  t.equal(res.statusCode, 503)
  t.equal(res.headers['content-type'], PROBLEM)
  t.equal(res.headers['retry-after'], '5')
  t.match(res.json(), { code: 'COMMON_UNAVAILABLE', status: 503, title: 'الخدمة غير متاحة مؤقتًا' })
  t.notMatch(res.body, /ECONNREFUSED|10\.0\.0\.7|root/)
  const other = await app.inject({ method: 'GET', url: '/v1/test/unknown-code' })
  t.equal(other.statusCode, 500, 'other failures stay 500')
})

t.test('a URL the router cannot decode is a 400 problem+json with a request id, on a real socket', async (t) => {
  const app = await buildTestApp(t)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as import('node:net').AddressInfo
  const res = await fetch(`http://127.0.0.1:${port}/v1/test/items/%`, { headers: { 'accept-language': 'ar' } })
  t.equal(res.status, 400)
  t.equal(res.headers.get('content-type'), PROBLEM)
  const body = (await res.json()) as Record<string, unknown>
  t.match(body, { code: 'COMMON_BAD_REQUEST', status: 400 })
  t.match(res.headers.get('x-request-id'), /^[0-9a-f-]{36}$/)
  t.equal(body.requestId, res.headers.get('x-request-id'))
  const long = await app.inject({ url: `/v1/test/items/${'1'.repeat(200)}` })
  t.equal(long.statusCode, 400, 'a parameter beyond the router limit is a bad request too')
  t.equal(long.headers['content-type'], PROBLEM)
})

t.test('a service error code renders its catalog status, title and detail with params', async (t) => {
  const app = await buildTestApp(t)
  const en = await app.inject({ method: 'GET', url: '/v1/test/items/42' })
  t.equal(en.statusCode, 404)
  t.equal(en.headers['content-type'], PROBLEM)
  t.match(en.json(), {
    type: 'urn:problem:TEST_ITEM_NOT_FOUND',
    code: 'TEST_ITEM_NOT_FOUND',
    status: 404,
    title: 'Item not found',
    detail: 'There is no item 42',
    instance: '/v1/test/items/42',
  })
  const ar = await app.inject({ method: 'GET', url: '/v1/test/items/42', headers: { 'accept-language': 'ar' } })
  t.match(ar.json(), { title: 'العنصر غير موجود', detail: 'لا يوجد عنصر برقم 42' })
})

t.test('an error code no catalog defines is a programming error, answered as 500', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/v1/test/unknown-code' })
  t.equal(res.statusCode, 500)
  t.equal(res.json().code, 'COMMON_INTERNAL')
  t.notMatch(res.body, /TEST_NOT_IN_ANY_CATALOG/)
})

t.test('the problem type base can point at documentation', async (t) => {
  const app = await buildTestApp(t, { problemTypeBase: 'https://docs.example.test/errors/' })
  const res = await app.inject({ method: 'GET', url: '/v1/test/items/7' })
  t.equal(res.json().type, 'https://docs.example.test/errors/TEST_ITEM_NOT_FOUND')
})

t.test('a service catalog may not redefine a common code', async (t) => {
  await t.rejects(
    buildTestApp(t, { errors: { COMMON_NOT_FOUND: { status: 410, title: { en: 'Gone', ar: 'انتهى' } } } }),
    /COMMON_NOT_FOUND is defined twice/,
  )
})
