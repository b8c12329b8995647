import type { AddressInfo } from 'node:net'
import { sampleValue, scrapeMetrics } from '@cp/service-kit/testing'
import t from 'tap'
import { buildTestCatalog } from './helpers/app.js'
import { insertCategories } from './helpers/rows.js'

t.test('GET /metrics on the metrics port counts the requests the catalog served, with its database', async (t) => {
  const { app, prisma } = await buildTestCatalog(t, { METRICS_PORT: '0' })
  await insertCategories(prisma)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const servicePort = (app.server.address() as AddressInfo).port
  const metricsPort = await app.metrics.listen()
  const served = { service: 'catalog', method: 'GET', route: '/v1/catalog/consultation-categories', status_code: '200' }
  const before = await scrapeMetrics(metricsPort)

  const n = 5
  for (let i = 0; i < n; i++) {
    const res = await fetch(`http://127.0.0.1:${servicePort}/v1/catalog/consultation-categories`)
    t.equal(res.status, 200)
    await res.arrayBuffer()
  }
  const after = await scrapeMetrics(metricsPort)
  const count = (samples: typeof after) => sampleValue(samples, 'http_request_duration_seconds_count', served)
  t.equal(count(after) - count(before), n, 'every request counted under its route pattern and status')
  const selects = (samples: typeof after) =>
    sampleValue(samples, 'db_query_duration_seconds_count', { service: 'catalog', operation: 'SELECT' })
  t.ok(selects(after) - selects(before) >= n, 'the lists\' queries are timed')
  t.ok(sampleValue(after, 'db_pool_connections', { pool: 'primary', state: 'idle' }) >= 1, 'the pool is shown')
  t.ok(sampleValue(after, 'process_resident_memory_bytes', { service: 'catalog' }) > 0, 'process metrics')

  const onServicePort = await fetch(`http://127.0.0.1:${servicePort}/metrics`)
  t.equal(onServicePort.status, 404, 'the service port (the one the proxy routes) has no /metrics')
  t.match(onServicePort.headers.get('content-type'), /^application\/problem\+json/)
})
