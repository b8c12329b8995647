import { TEST_ISSUER } from '@cp/service-kit/testing'
import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { buildConsultantsApp } from '../src/app.js'
import { loadConsultantsConfig } from '../src/config.js'
import { buildTestConsultants } from './helpers/app.js'
import { TEST_KEY } from './helpers/tokens.js'

const auth = { AUTH_ISSUER: TEST_ISSUER, AUTH_PUBLIC_KEY_PEM: TEST_KEY.publicKeyPem }

t.test('the OpenAPI document is valid and lists every response of every route', async (t) => {
  const { app } = await buildTestConsultants(t)
  const res = await app.inject({ url: '/docs/consultants/openapi.json' })
  t.equal(res.statusCode, 200)
  const doc = res.json()
  const result = await new Validator().validate(doc)
  t.same(result.errors ?? [], [], 'validated by an independent OpenAPI validator')
  t.ok(result.valid)
  type Operation = { responses: Record<string, unknown>; security?: unknown[]; parameters?: Array<{ name: string }> }
  const paths = doc.paths as Record<string, Record<string, Operation>>
  t.same(Object.keys(paths).sort(), [
    '/v1/consultants',
    '/v1/consultants/me',
    '/v1/consultants/{id}',
    '/v1/consultants/{id}/availability',
  ])
  const expected: Record<string, string[]> = {
    'get /v1/consultants': ['200', '400', '429', '500', '503'],
    'get /v1/consultants/{id}': ['200', '400', '404', '429', '500', '503'],
    'get /v1/consultants/{id}/availability': ['200', '400', '404', '429', '500', '503'],
    'get /v1/consultants/me': ['200', '400', '401', '403', '429', '500', '503'],
    'patch /v1/consultants/me': ['200', '400', '401', '403', '413', '415', '429', '500', '503'],
  }
  const descriptions = new Set<string | undefined>()
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const key = `${method} ${path}`
      t.same(Object.keys(operation.responses).sort(), expected[key], `${key} documents every status it answers`)
      t.equal(Boolean(operation.security), path.endsWith('/me'), `${key}: bearer auth only on /me`)
      const ok = operation.responses['200'] as { description?: string }
      t.notOk(/^(Default Response)?$/.test(ok.description ?? ''), `${key}: the 200 says what it is (${ok.description})`)
      descriptions.add(ok.description)
    }
  }
  t.equal(descriptions.size, Object.keys(expected).length, 'each its own')
  t.same(
    paths['/v1/consultants']?.get?.parameters?.map((p) => p.name).sort(),
    ['branchId', 'categoryId', 'online', 'page', 'pageSize', 'q', 'sort'],
  )
  t.match(String((paths['/v1/consultants/me']?.get?.responses['403'] as { description: string }).description), /AUTH_CONSULTANT_LICENSE_EXPIRED/)
  const ui = await app.inject({ url: '/docs/consultants/' })
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /text\/html/)
})

t.test('ready with a database, live always, request ids echoed', async (t) => {
  const { app } = await buildTestConsultants(t)
  t.equal((await app.inject({ url: '/health/live' })).statusCode, 200)
  const ready = await app.inject({ url: '/health/ready' })
  t.equal(ready.statusCode, 200)
  t.match(ready.json(), { status: 'ready', checks: { database: 'ok' } })
  const traced = await app.inject({ url: '/v1/consultants?page=0', headers: { 'x-request-id': 'trace-123' } })
  t.equal(traced.headers['x-request-id'], 'trace-123')
  t.equal(traced.json().requestId, 'trace-123')
})

t.test('503 problem+json while the database is unreachable', async (t) => {
  const config = loadConsultantsConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere',
    DB_CONNECT_TIMEOUT_MS: '300',
    DB_ACQUIRE_TIMEOUT_MS: '300',
    DB_HEALTH_TIMEOUT_MS: '300',
    ...auth,
  })
  const app = await buildConsultantsApp({ config, logger: false })
  t.teardown(() => app.close())
  await app.ready()
  t.equal((await app.inject({ url: '/health/live' })).statusCode, 200, 'the process itself is alive')
  t.equal((await app.inject({ url: '/health/ready' })).statusCode, 503)
  for (const url of ['/v1/consultants', '/v1/consultants/1', '/v1/consultants/1/availability?from=2026-12-06T00:00:00Z&to=2026-12-07T00:00:00Z']) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 503, `${url}: 503, not 500`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { code: 'COMMON_UNAVAILABLE' })
    t.ok(res.headers['retry-after'])
  }
})

t.test('configuration errors name the variable', async (t) => {
  t.throws(() => loadConsultantsConfig({ ...auth, PORT: 'eighty' }), /PORT/)
  t.throws(() => loadConsultantsConfig({ ...auth, PLATFORM_TIME_ZONE: 'Mars/Olympus' }), /PLATFORM_TIME_ZONE/)
  t.throws(() => loadConsultantsConfig({ ...auth, CONSULTANTS_TOTAL_CACHE_SECONDS: '-1' }), /CONSULTANTS_TOTAL_CACHE_SECONDS/)
  t.throws(() => loadConsultantsConfig({ AUTH_PUBLIC_KEY_PEM: TEST_KEY.publicKeyPem }), /AUTH_ISSUER/)
  t.equal(loadConsultantsConfig(auth).PLATFORM_TIME_ZONE, 'Asia/Riyadh', 'the default zone')
  t.equal(loadConsultantsConfig(auth).PORT, 3002)
  await t.rejects(buildConsultantsApp({ config: loadConsultantsConfig({ AUTH_ISSUER: TEST_ISSUER }), logger: false }), /AUTH_JWKS_URL/)
  await t.rejects(
    buildConsultantsApp({ config: loadConsultantsConfig({ ...auth, AUTH_PUBLIC_KEY_PEM: 'not a key' }), logger: false }),
    /AUTH_PUBLIC_KEY_PEM/,
  )
})
