import t from 'tap'
import { buildTestApp } from '../helpers/test-app.js'

const PROXY = '127.0.0.1'

t.test('past the limit a client gets a 429 problem with Retry-After', async (t) => {
  const app = await buildTestApp(t, { env: { RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW: '1 minute' } })
  const ask = () => app.inject({ method: 'GET', url: '/v1/test/items', remoteAddress: '203.0.113.9' })
  t.equal((await ask()).statusCode, 200)
  t.equal((await ask()).statusCode, 200)
  const limited = await ask()
  t.equal(limited.statusCode, 429)
  t.equal(limited.headers['content-type'], 'application/problem+json; charset=utf-8')
  const retryAfter = Number(limited.headers['retry-after'])
  t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter} is within the window`)
  t.match(limited.json(), { code: 'COMMON_RATE_LIMITED', status: 429, title: 'Too many requests, try again later' })

  const ar = await app.inject({ method: 'GET', url: '/v1/test/items', remoteAddress: '203.0.113.9', headers: { 'accept-language': 'ar' } })
  t.equal(ar.json().title, 'طلبات كثيرة جدًا، حاول مرة أخرى لاحقًا')
})

t.test('the bucket is the client IP: X-Forwarded-For counts only from the trusted proxy', async (t) => {
  const app = await buildTestApp(t, { env: { RATE_LIMIT_MAX: '1', TRUST_PROXY: PROXY } })
  const from = (remoteAddress: string, forwardedFor?: string) =>
    app.inject({
      method: 'GET',
      url: '/v1/test/items',
      remoteAddress,
      ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
    })

  t.equal((await from('198.51.100.1')).statusCode, 200)
  // A direct client cannot escape its bucket by claiming to be someone else.
  t.equal((await from('198.51.100.1', '192.0.2.50')).statusCode, 429)
  t.equal((await from('198.51.100.1', '192.0.2.51')).statusCode, 429)

  // Through the proxy each forwarded client has its own bucket, not the proxy's.
  t.equal((await from(PROXY, '192.0.2.60')).statusCode, 200)
  t.equal((await from(PROXY, '192.0.2.61')).statusCode, 200)
  t.equal((await from(PROXY, '192.0.2.60')).statusCode, 429)
})

t.test('unknown routes are rate limited too', async (t) => {
  const app = await buildTestApp(t, { env: { RATE_LIMIT_MAX: '2' } })
  const probe = (n: number) => app.inject({ method: 'GET', url: `/guess/${n}`, remoteAddress: '203.0.113.20' })
  t.equal((await probe(1)).statusCode, 404)
  t.equal((await probe(2)).statusCode, 404)
  const limited = await probe(3)
  t.equal(limited.statusCode, 429)
  t.equal(limited.json().code, 'COMMON_RATE_LIMITED')
})

t.test('health probes are not rate limited', async (t) => {
  const app = await buildTestApp(t, { env: { RATE_LIMIT_MAX: '1' } })
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({ method: 'GET', url: '/health/live', remoteAddress: '10.1.1.1' })
    t.equal(res.statusCode, 200)
  }
})
