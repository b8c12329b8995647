import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { buildCatalogApp } from '../src/app.js'
import { loadCatalogConfig } from '../src/config.js'
import { buildTestCatalog } from './helpers/app.js'

t.test('the OpenAPI document is valid and lists every response of every route', async (t) => {
  const { app } = await buildTestCatalog(t)
  const res = await app.inject({ url: '/docs/catalog/openapi.json' })
  t.equal(res.statusCode, 200)
  const doc = res.json()
  const result = await new Validator().validate(doc)
  t.same(result.errors ?? [], [], 'validated by an independent OpenAPI validator')
  t.ok(result.valid)
  const paths = doc.paths as Record<string, { get: { responses: Record<string, unknown> } }>
  t.same(Object.keys(paths).sort(), [
    '/v1/catalog/consultation-categories',
    '/v1/catalog/consultation-categories/{id}',
    '/v1/catalog/service-categories',
    '/v1/catalog/service-categories/{id}',
  ])
  for (const [path, item] of Object.entries(paths)) {
    const codes = Object.keys(item.get.responses)
    for (const code of ['200', '304', '400', '429', '500', '503']) t.ok(codes.includes(code), `${path} documents ${code}`)
    if (path.endsWith('{id}')) t.ok(codes.includes('404'), `${path} documents 404`)
  }
  const listParameters = (paths['/v1/catalog/consultation-categories']!.get as unknown as {
    parameters: Array<{ name: string; required?: boolean }>
  }).parameters
  t.match(listParameters, [{ name: 'translations', required: false }], 'optional query parameters are not required')
  const ui = await app.inject({ url: '/docs/catalog/' })
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /text\/html/)
})

t.test('ready with a database, live always', async (t) => {
  const { app } = await buildTestCatalog(t)
  t.equal((await app.inject({ url: '/health/live' })).statusCode, 200)
  const ready = await app.inject({ url: '/health/ready' })
  t.equal(ready.statusCode, 200)
  t.match(ready.json(), { status: 'ready', checks: { database: 'ok' } })
})

t.test('not ready (503 problem+json) while the database is unreachable', async (t) => {
  const config = loadCatalogConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere',
    DB_CONNECT_TIMEOUT_MS: '300',
    DB_ACQUIRE_TIMEOUT_MS: '300',
    DB_HEALTH_TIMEOUT_MS: '300',
  })
  const app = await buildCatalogApp({ config, logger: false })
  t.teardown(() => app.close())
  await app.ready()
  t.equal((await app.inject({ url: '/health/live' })).statusCode, 200, 'the process itself is alive')
  const ready = await app.inject({ url: '/health/ready' })
  t.equal(ready.statusCode, 503)
  t.match(ready.headers['content-type'], /^application\/problem\+json/)
  t.match(ready.json(), { code: 'COMMON_UNAVAILABLE', status: 503 })
  const list = await app.inject({ url: '/v1/catalog/consultation-categories' })
  t.equal(list.statusCode, 503, 'a request that needs the database is 503, not 500')
  t.equal(list.headers['retry-after'], '5')
  t.match(list.json(), { code: 'COMMON_UNAVAILABLE' })
})

t.test('configuration errors name the variable', async (t) => {
  t.throws(() => loadCatalogConfig({ PORT: 'eighty' }), /PORT/)
  t.throws(() => loadCatalogConfig({ CATALOG_CACHE_MAX_AGE: '-1' }), /CATALOG_CACHE_MAX_AGE/)
})
