import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import t from 'tap'
import { buildService, problemResponses } from '../src/index.js'
import { testConfig } from './helpers/test-app.js'

t.test('routes registered on the returned app get docs, rate limit, request ids and problems', async (t) => {
  const app = await buildService({
    name: 'late',
    version: '0.1.0',
    config: testConfig({ RATE_LIMIT_MAX: '100' }),
    logger: false,
  })
  t.teardown(() => app.close())
  const lateRoutes: FastifyPluginAsyncTypebox = async (routes) => {
    routes.get(
      '/things/:id',
      {
        schema: {
          params: Type.Object({ id: Type.Integer() }),
          response: { 200: Type.Object({ id: Type.Integer() }), ...problemResponses(404) },
        },
      },
      async (request) => ({ id: request.params.id }),
    )
  }
  await app.register(lateRoutes, { prefix: '/v1/late' })

  const ok = await app.inject({ method: 'GET', url: '/v1/late/things/5' })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { id: 5 })
  t.ok(ok.headers['x-request-id'])
  t.equal(ok.headers['x-ratelimit-limit'], '100')

  const doc = (await app.inject({ method: 'GET', url: '/docs/late/openapi.json' })).json()
  t.same(Object.keys(doc.paths['/v1/late/things/{id}'].get.responses).sort(), ['200', '400', '404', '429', '500', '503'])

  const invalid = await app.inject({ method: 'GET', url: '/v1/late/things/x' })
  t.equal(invalid.statusCode, 400)
  t.same(invalid.json().errors, [
    { path: '/params/id', message: 'must be an integer in plain decimal digits (no leading zero, plus sign, exponent, fraction or space)' },
  ])
})
