import type { AddressInfo } from 'node:net'
import { type MetricSample, sampleValue, scrapeMetrics } from '@cp/service-kit/testing'
import t from 'tap'
import { buildTestAuth } from './helpers/app.js'

t.test('GET /metrics counts what auth answered, refused sign-ins included', async (t) => {
  const { app } = await buildTestAuth(t, { env: { METRICS_PORT: '0' } })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const service = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const metricsPort = await app.metrics.listen()
  const count = (samples: MetricSample[], route: string, method: string, status: string) =>
    sampleValue(samples, 'http_request_duration_seconds_count', { service: 'auth', route, method, status_code: status })
  const jwks = '/v1/auth/.well-known/jwks.json'
  const signIn = '/v1/auth/password/sign-in'
  const before = await scrapeMetrics(metricsPort)

  for (let i = 0; i < 4; i++) t.equal((await fetch(`${service}${jwks}`)).status, 200)
  const refused = await fetch(`${service}${signIn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'active.customer@seed.test', password: 'not the password' }),
  })
  t.equal(refused.status, 401)

  const after = await scrapeMetrics(metricsPort)
  t.equal(count(after, jwks, 'GET', '200') - count(before, jwks, 'GET', '200'), 4)
  t.equal(count(after, signIn, 'POST', '401') - count(before, signIn, 'POST', '401'), 1)
  t.ok(sampleValue(after, 'db_pool_connections', { service: 'auth', pool: 'primary', state: 'active' }) >= 0)
  t.ok(after.some((sample) => sample.name === 'db_pool_connections'), 'the pool is shown')
})
