import { connect, type Socket } from 'node:net'
import { setImmediate } from 'node:timers/promises'
import t from 'tap'
import { buildTestApp, listenGated } from './helpers/test-app.js'

const PROBLEM = 'application/problem+json; charset=utf-8'

t.test('a text/plain body is a 415, not a body the schema then refuses', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: '/v1/test/items',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    payload: '{"name":"a","count":1}',
  })
  t.equal(res.statusCode, 415)
  t.equal(res.headers['content-type'], PROBLEM)
  t.match(res.json(), { code: 'COMMON_UNSUPPORTED_MEDIA_TYPE', status: 415 })
})

t.test('a known path with another method is a 405 naming the methods it has', async (t) => {
  const app = await buildTestApp(t)
  const cases: Array<[string, string, string]> = [
    ['DELETE', '/v1/test/items', 'GET, HEAD, POST'],
    ['PUT', '/v1/test/items?page=2', 'GET, HEAD, POST'],
    ['POST', '/v1/test/items/42', 'GET, HEAD'],
    ['PATCH', '/v1/test/items/42/', 'GET, HEAD'],
    ['OPTIONS', '/v1/test/items/42', 'GET, HEAD'],
    ['DELETE', '/health/live', 'GET, HEAD'],
  ]
  for (const [method, url, allow] of cases) {
    const res = await app.inject({ method: method as 'GET', url, headers: { 'accept-language': 'ar' } })
    t.equal(res.statusCode, 405, `${method} ${url}`)
    t.equal(res.headers.allow, allow, `${method} ${url}: Allow`)
    t.equal(res.headers['content-type'], PROBLEM)
    t.match(res.json(), { code: 'COMMON_METHOD_NOT_ALLOWED', status: 405, title: 'هذه الطريقة غير مسموح بها هنا' })
    t.ok(res.headers['x-request-id'])
  }
  const unknown = await app.inject({ method: 'DELETE', url: '/v1/test/nothing-here' })
  t.equal(unknown.statusCode, 404, 'a path no route serves stays a 404')
  t.notOk(unknown.headers.allow)
  t.match(unknown.json(), { code: 'COMMON_NOT_FOUND' })
})

t.test('a trailing slash answers like the path without it, on every route, and stays out of the document', async (t) => {
  const app = await buildTestApp(t)
  for (const path of ['/v1/test/items', '/v1/test/items/42', '/health/live']) {
    const bare = await app.inject({ url: path })
    const slashed = await app.inject({ url: `${path}/` })
    t.equal(slashed.statusCode, bare.statusCode, path)
    const { requestId: _a, instance: _b, ...bareBody } = bare.json() as Record<string, unknown>
    const { requestId: _c, instance: _d, ...slashedBody } = slashed.json() as Record<string, unknown>
    t.same(slashedBody, bareBody, path)
  }
  const page = await app.inject({ url: '/v1/test/items/?page=3' })
  t.same(page.json(), { page: 3, items: [] }, 'the query string still applies')
  const doc = (await app.inject({ url: '/docs/test/openapi.json' })).json() as { paths: Record<string, unknown> }
  t.notOk(Object.keys(doc.paths).some((path) => path.endsWith('/')), 'no path with a trailing slash is documented')
})

t.test('integers in query and path are read only from canonical decimal digits', async (t) => {
  const app = await buildTestApp(t)
  for (const page of ['1e2', '01', '1.0', '+1', '%201', '1%20', '0x10', '1_000', '']) {
    const res = await app.inject({ url: `/v1/test/items?page=${page}` })
    t.equal(res.statusCode, 400, `page=${page}`)
    t.equal(res.headers['content-type'], PROBLEM)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: '/query/page' }] }, `page=${page}`)
  }
  const repeated = await app.inject({ url: '/v1/test/items?page=1&page=1e2' })
  t.equal(repeated.statusCode, 400, 'a repeated parameter is no way around the rule')
  t.same((await app.inject({ url: '/v1/test/items?page=100' })).json(), { page: 100, items: [] })
  t.same((await app.inject({ url: '/v1/test/items' })).json(), { page: 1, items: [] }, 'defaults still apply')
  for (const id of ['1e3', '01', '1.0', '+1']) {
    const res = await app.inject({ url: `/v1/test/items/${id}` })
    t.equal(res.statusCode, 400, `/items/${id}`)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: '/params/id' }] })
  }
  t.equal((await app.inject({ url: '/v1/test/items/1000' })).statusCode, 404, 'the canonical spelling reaches the route')
})

t.test('an empty JSON body counts as no body on a route that takes none', async (t) => {
  const app = await buildTestApp(t)
  const none = await app.inject({
    method: 'POST',
    url: '/v1/test/log',
    headers: { 'content-type': 'application/json' },
    payload: '',
  })
  t.equal(none.statusCode, 200)
  t.same(none.json(), { ok: true })
  const taken = await app.inject({
    method: 'POST',
    url: '/v1/test/items',
    headers: { 'content-type': 'application/json' },
    payload: '',
  })
  t.equal(taken.statusCode, 400, 'a route that declares a body still needs one')
  t.match(taken.json(), { code: 'COMMON_BAD_REQUEST' })
  const proto = await app.inject({
    method: 'POST',
    url: '/v1/test/log',
    headers: { 'content-type': 'application/json' },
    payload: '{"__proto__":{"admin":true}}',
  })
  t.equal(proto.statusCode, 400, 'JSON is still parsed safely')
})

/** Reads every byte the server sends on this socket until it closes it. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (data += chunk))
    socket.on('end', () => resolve(data))
    socket.on('error', reject)
  })
}

function parseResponse(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n')
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  )
  return { status: Number(statusLine.split(' ')[1]), headers, body }
}

t.test('while closing, a request on an open keep-alive connection gets a problem+json 503 with Retry-After', async (t) => {
  const { app, port, release, slowStarted } = await listenGated(t)

  // A request in flight keeps the server draining; a second client is halfway through its request, so its
  // keep-alive connection is not idle and survives close(): its request arrives while the app is closing.
  const busy = connect(port, '127.0.0.1')
  const busyAnswer = readAll(busy)
  busy.write('GET /v1/test/slow HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n')
  await slowStarted
  const late = connect(port, '127.0.0.1')
  await new Promise((resolve) => late.once('connect', resolve))
  const lateAnswer = readAll(late)
  late.write('GET /v1/test/items HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\nAccept-Language: ar\r\n')
  await setImmediate()

  const closed = app.close()
  while (app.server.listening) await setImmediate()
  late.write('X-Request-Id: drain-check-1\r\n\r\n')

  const answer = parseResponse(await lateAnswer)
  t.equal(answer.status, 503)
  t.equal(answer.headers['content-type'], PROBLEM)
  t.equal(answer.headers['retry-after'], '1')
  t.equal(answer.headers['x-request-id'], 'drain-check-1')
  t.equal(answer.headers.connection, 'close')
  t.equal(answer.headers['content-language'], 'ar')
  t.match(JSON.parse(answer.body), {
    code: 'COMMON_UNAVAILABLE',
    status: 503,
    requestId: 'drain-check-1',
    instance: '/v1/test/items',
  })

  release()
  const first = parseResponse(await busyAnswer)
  t.equal(first.status, 200, 'the request in flight still finishes')
  t.same(JSON.parse(first.body), { done: true })
  t.equal(first.headers.connection, 'close', 'and its connection closes, so close() need not wait for it')
  const releasedAt = Date.now()
  await closed
  t.ok(Date.now() - releasedAt < 5000, 'close() ends with the last answer, not at the keep-alive timeout')
})
