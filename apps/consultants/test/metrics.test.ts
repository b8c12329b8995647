import type { AddressInfo } from 'node:net'
import { type MetricSample, sampleValue, scrapeMetrics } from '@cp/service-kit/testing'
import t from 'tap'
import { BASE, buildTestConsultants, consultantIdOf } from './helpers/app.js'

t.test('GET /metrics counts detail requests under one route pattern, by status, whatever the id', async (t) => {
  const { app, prisma } = await buildTestConsultants(t, { env: { METRICS_PORT: '0' } })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const servicePort = (app.server.address() as AddressInfo).port
  const metricsPort = await app.metrics.listen()
  const detail = (status: string) => ({ service: 'consultants', method: 'GET', route: `${BASE}/:id`, status_code: status })
  const count = (samples: MetricSample[], status: string) =>
    sampleValue(samples, 'http_request_duration_seconds_count', detail(status))
  const before = await scrapeMetrics(metricsPort)

  const eligible = await consultantIdOf(prisma, 'eligible')
  const ids = [eligible, eligible, eligible, 2147483646, 2147483647]
  for (const id of ids) await (await fetch(`http://127.0.0.1:${servicePort}${BASE}/${id}`)).arrayBuffer()

  const after = await scrapeMetrics(metricsPort)
  t.equal(count(after, '200') - count(before, '200'), 3, 'found consultants')
  t.equal(count(after, '404') - count(before, '404'), 2, 'missing ones, under the same pattern')
  const segments = new Set(after.flatMap((sample) => String(sample.labels.route ?? '').split('/')))
  t.same(ids.filter((id) => segments.has(String(id))), [], 'no series is named after an id')
  t.ok(sampleValue(after, 'db_query_duration_seconds_count', { operation: 'SELECT' }) > 0, 'queries are timed')
  t.equal(sampleValue(after, 'http_requests_in_flight', { service: 'consultants' }), 0)
})
