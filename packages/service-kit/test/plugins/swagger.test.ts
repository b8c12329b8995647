import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { buildTestApp } from '../helpers/test-app.js'

t.test('the OpenAPI document is served at /docs/<name>/openapi.json and is valid', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/docs/test/openapi.json' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const doc = res.json()

  const validator = new Validator()
  const result = await validator.validate(doc)
  t.same(result.errors, undefined, 'no schema errors')
  t.equal(result.valid, true)

  t.match(doc, { openapi: '3.0.3', info: { title: 'test', version: '1.2.3', description: 'Service kit test app' }, servers: [{ url: '/' }] })
  t.same(Object.keys(doc.paths).sort(), ['/v1/test/items', '/v1/test/items/{id}', '/v1/test/shapes'], 'hidden, health and docs routes are left out')

  const list = doc.paths['/v1/test/items'].get
  t.same(Object.keys(list.responses).sort(), ['200', '400', '429', '500', '503'])
  t.same(Object.keys(list.responses['400'].content), ['application/problem+json'])
  t.same(list.responses['400'].content['application/problem+json'].schema, { $ref: '#/components/schemas/Problem' })
  t.equal(list.responses['400'].description, 'COMMON_VALIDATION, COMMON_BAD_REQUEST')
  t.ok(list.responses['429'].headers['retry-after'], 'the 429 documents Retry-After')

  t.same(Object.keys(doc.paths['/v1/test/items'].post.responses).sort(), ['201', '400', '413', '415', '429', '500', '503'])
  const detail = doc.paths['/v1/test/items/{id}'].get.responses
  t.same(Object.keys(detail).sort(), ['200', '400', '404', '429', '500', '503'])
  t.equal(detail['404'].description, 'TEST_ITEM_NOT_FOUND')

  t.match(doc.paths['/v1/test/shapes'].get.responses['200'].content['application/json'].schema.properties, {
    kind: { enum: ['consultant'] },
    photo: { type: 'string', nullable: true },
    names: { type: 'object', additionalProperties: { type: 'string' } },
  })

  t.match(doc.components.schemas.Problem, { type: 'object', required: ['type', 'title', 'status', 'code', 'requestId'] })
})

t.test('swagger-ui answers under /docs/<name> and can load its scripts under the CSP', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/docs/test' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/html/)
  t.match(res.body, /swagger-ui-bundle\.js/)
  const csp = String(res.headers['content-security-policy'])
  t.match(csp, /script-src 'self'/)
  t.notMatch(csp, /upgrade-insecure-requests/, 'plain HTTP in development keeps its assets')

  const script = await app.inject({ method: 'GET', url: '/docs/test/static/swagger-ui-bundle.js' })
  t.equal(script.statusCode, 200)
  const initializer = await app.inject({ method: 'GET', url: '/docs/test/static/swagger-initializer.js' })
  t.equal(initializer.statusCode, 200)
  t.match(initializer.body, /resolveUrl\('\.\/json'\)/)
  const json = await app.inject({ method: 'GET', url: '/docs/test/json' })
  t.equal(json.statusCode, 200)
  t.same(json.json().info, { title: 'test', version: '1.2.3', description: 'Service kit test app' })
})

t.test('production keeps upgrade-insecure-requests', async (t) => {
  const app = await buildTestApp(t, { env: { NODE_ENV: 'production' } })
  const res = await app.inject({ method: 'GET', url: '/docs/test' })
  t.match(String(res.headers['content-security-policy']), /upgrade-insecure-requests/)
})
