import t from 'tap'
import type { ReadinessCheck } from '../../src/index.js'
import { buildTestApp } from '../helpers/test-app.js'

t.test('liveness answers ok without touching dependencies', async (t) => {
  let called = false
  const app = await buildTestApp(t, {
    readiness: async () => {
      called = true
      return {}
    },
  })
  const res = await app.inject({ method: 'GET', url: '/health/live' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok', version: '1.2.3' })
  t.equal(called, false)
})

t.test('readiness reports the checks when dependencies answer', async (t) => {
  const app = await buildTestApp(t, { readiness: async () => ({ database: 'ok' }) })
  const res = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ready', version: '1.2.3', checks: { database: 'ok' } })
})

t.test('readiness without a check is ready with no checks', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/health/ready' })
  t.same(res.json(), { status: 'ready', version: '1.2.3', checks: {} })
})

t.test('a failing dependency is a 503 problem that hides the cause', async (t) => {
  const app = await buildTestApp(t, {
    readiness: async () => {
      throw new Error('ER_ACCESS_DENIED_ERROR for user app@10.0.0.5')
    },
  })
  const res = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(res.statusCode, 503)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(res.json(), { code: 'COMMON_UNAVAILABLE', status: 503 })
  t.notMatch(res.body, /ER_ACCESS_DENIED|10\.0\.0\.5/)
})

t.test('a hung dependency is a 503 within the timeout, then ready again once it answers', async (t) => {
  let hang = true
  let aborted = 0
  const readiness: ReadinessCheck = ({ signal }) => {
    if (!hang) return Promise.resolve({ database: 'ok' })
    signal.addEventListener('abort', () => aborted++)
    return new Promise(() => {})
  }
  const app = await buildTestApp(t, { readiness, readinessTimeoutMs: 200 })

  const [a, b] = await Promise.all([
    app.inject({ method: 'GET', url: '/health/ready' }),
    app.inject({ method: 'GET', url: '/health/ready' }),
  ])
  t.equal(a.statusCode, 503)
  t.equal(b.statusCode, 503)
  t.equal(aborted, 1, 'probes arriving together share one check, and the check is told to stop')

  // Still hanging: each probe tries again instead of reusing the stuck check.
  t.equal((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 503)
  t.equal(aborted, 2)

  hang = false
  const recovered = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(recovered.statusCode, 200)
  t.same(recovered.json(), { status: 'ready', version: '1.2.3', checks: { database: 'ok' } })
})

t.test('both health answers and the OpenAPI document report the version the service was built with', async (t) => {
  const app = await buildTestApp(t, { name: 'versioned', version: '4.5.6-rc.1' })
  const live = await app.inject({ method: 'GET', url: '/health/live' })
  t.equal(live.json().version, '4.5.6-rc.1')
  const ready = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(ready.statusCode, 200)
  t.equal(ready.json().version, '4.5.6-rc.1')
  const doc = await app.inject({ method: 'GET', url: '/docs/versioned/openapi.json' })
  t.equal(doc.json().info.version, '4.5.6-rc.1')
})
