import { request as httpRequest } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { connect } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { UNMATCHED_ROUTE } from '../../src/index.js'
import { parsePrometheusText, sampleValue } from '../../src/testing/index.js'
import { buildTestApp, listenGated } from '../helpers/test-app.js'

const DURATION_COUNT = 'http_request_duration_seconds_count'

function get(port: number, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }))
    })
    req.on('error', reject)
    req.end()
  })
}

t.test('requests are counted by route pattern, method and status, never by raw URL', async (t) => {
  const app = await buildTestApp(t)
  const samplesNow = async () => parsePrometheusText((await app.metrics.render()).body)
  const byRoute = { service: 'test', route: '/v1/test/items/:id', method: 'GET', status_code: '404' }
  const before = sampleValue(await samplesNow(), DURATION_COUNT, byRoute)

  const n = 7
  for (let id = 1; id <= n; id++) {
    const res = await app.inject({ method: 'GET', url: `/v1/test/items/${id}?page=${id}` })
    t.equal(res.statusCode, 404)
  }
  await app.inject({ method: 'GET', url: '/v1/test/items?page=2' })
  await app.inject({ method: 'GET', url: '/v1/test/no-such-route/42' })

  const samples = await samplesNow()
  t.equal(sampleValue(samples, DURATION_COUNT, byRoute) - before, n, 'each request counted once under its pattern')
  t.equal(sampleValue(samples, 'http_request_duration_seconds_bucket', { ...byRoute, le: '+Inf' }), n)
  t.ok(sampleValue(samples, 'http_request_duration_seconds_sum', byRoute) > 0, 'durations add up')
  t.equal(sampleValue(samples, DURATION_COUNT, { route: '/v1/test/items', method: 'GET', status_code: '200' }), 1)
  t.equal(sampleValue(samples, DURATION_COUNT, { route: UNMATCHED_ROUTE, status_code: '404' }), 1, 'unrouted URLs share one label')
  const routes = new Set(samples.filter((s) => s.name === DURATION_COUNT).map((s) => s.labels.route))
  t.same([...routes].sort(), ['/v1/test/items', '/v1/test/items/:id', UNMATCHED_ROUTE], 'no label holds a URL a client sent')
  t.equal(sampleValue(samples, 'http_requests_in_flight', { service: 'test' }), 0)
  t.ok(sampleValue(samples, 'process_cpu_user_seconds_total', { service: 'test' }) > 0, 'Node process metrics')
  t.ok(samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds'), 'event loop lag')
})

t.test('in-flight requests rise while answered and fall back, also when the client goes away', async (t) => {
  const { app, port, release, slowStarted } = await listenGated(t)
  const inFlight = async () => sampleValue(parsePrometheusText((await app.metrics.render()).body), 'http_requests_in_flight')

  // One client waits for its answer, another sends the same request and goes away before the answer.
  const answered = get(port, '/v1/test/slow')
  await slowStarted
  const leaving: Socket = connect(port, '127.0.0.1')
  leaving.write('GET /v1/test/slow HTTP/1.1\r\nHost: x\r\n\r\n')
  for (let i = 0; i < 100 && (await inFlight()) < 2; i++) await sleep(10)
  t.equal(await inFlight(), 2, 'both requests wait in the handler')
  leaving.destroy()
  for (let i = 0; i < 100 && (await inFlight()) > 1; i++) await sleep(10)
  t.equal(await inFlight(), 1, 'the request whose client left is counted out')

  release()
  t.equal((await answered).status, 200)
  await sleep(50)
  t.equal(await inFlight(), 0, 'back to none once answered, the aborted one not counted out twice')
})

t.test('the metrics port serves GET /metrics in the Prometheus format; the service port does not', async (t) => {
  const app = await buildTestApp(t)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const servicePort = (app.server.address() as AddressInfo).port
  const metricsPort = await app.metrics.listen()
  t.not(metricsPort, servicePort)

  await get(servicePort, '/v1/test/items')
  const metrics = await get(metricsPort, '/metrics')
  t.equal(metrics.status, 200)
  t.match(metrics.type, /^text\/plain; version=0\.0\.4/)
  const samples = parsePrometheusText(metrics.body)
  t.equal(sampleValue(samples, DURATION_COUNT, { route: '/v1/test/items', status_code: '200' }), 1)
  t.ok(metrics.body.includes('# TYPE http_request_duration_seconds histogram'))

  t.equal((await get(metricsPort, '/other')).status, 404, 'the metrics port serves nothing else')
  const onServicePort = await get(servicePort, '/metrics')
  t.equal(onServicePort.status, 404, 'no /metrics route on the service port')
  t.match(onServicePort.type, /^application\/problem\+json/)
})

t.test('the database sink shows pool counts, query durations by operation and replica fallbacks', async (t) => {
  const app = await buildTestApp(t)
  app.metrics.db.trackPool('primary', () => ({ active: 2, idle: 3, waiting: 1 }))
  app.metrics.db.observeQuery('SELECT', 0.004)
  app.metrics.db.observeQuery('SELECT', 0.02)
  app.metrics.db.observeQuery('UPDATE', 0.001)
  app.metrics.db.replicaFallback('lagging')

  const samples = parsePrometheusText((await app.metrics.render()).body)
  t.equal(sampleValue(samples, 'db_pool_connections', { pool: 'primary', state: 'active' }), 2)
  t.equal(sampleValue(samples, 'db_pool_connections', { pool: 'primary', state: 'idle' }), 3)
  t.equal(sampleValue(samples, 'db_pool_connections', { pool: 'primary', state: 'waiting' }), 1)
  t.equal(sampleValue(samples, 'db_query_duration_seconds_count', { operation: 'SELECT' }), 2)
  t.equal(sampleValue(samples, 'db_query_duration_seconds_bucket', { operation: 'SELECT', le: '0.005' }), 1)
  t.equal(sampleValue(samples, 'db_query_duration_seconds_count', { operation: 'UPDATE' }), 1)
  t.equal(sampleValue(samples, 'db_replica_fallbacks_total', { reason: 'lagging', service: 'test' }), 1)
})

t.test('the Prometheus text parser refuses what is not the format', async (t) => {
  t.throws(() => parsePrometheusText('http_requests_total{route="/a"} twelve\n'), /line 1 is not a sample/)
  t.throws(() => parsePrometheusText('# TYPE x counting\n'), /line 1 is not a HELP or TYPE/)
  t.throws(() => parsePrometheusText('x{route=/a} 1\n'), /bad labels/)
  t.same(parsePrometheusText('x{a="b\\"c",d="e"} 1.5\n'), [{ name: 'x', labels: { a: 'b"c', d: 'e' }, value: 1.5 }])
})
