import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { BEARER_AUTH_SCHEME, problemResponses, securityFor } from '../../src/index.js'
import { buildGuardedApp } from './app.js'
import { generateTestKey } from '../../src/testing/index.js'

t.test('guarded routes document bearerAuth, 401 with its challenge header, 403 and 503', async (t) => {
  const app = await buildGuardedApp(t, { publicKeyPem: generateTestKey().publicKeyPem })
  const doc = (await app.inject({ url: '/docs/consultants/openapi.json' })).json()
  const result = await new Validator().validate(doc)
  t.same(result.errors, undefined, 'a valid OpenAPI 3.0.3 document')

  t.same(doc.components.securitySchemes, { bearerAuth: BEARER_AUTH_SCHEME })
  t.ok(doc.components.schemas.Problem, 'declaring security schemes keeps the shared schemas')

  const me = doc.paths['/v1/consultants/me'].get
  t.same(me.security, [{ bearerAuth: [] }])
  t.same(Object.keys(me.responses).sort(), ['200', '400', '401', '429', '500', '503'])
  t.equal(me.responses['401'].description, 'COMMON_UNAUTHORIZED')
  t.ok(me.responses['401'].headers['www-authenticate'], 'the 401 documents WWW-Authenticate')
  t.ok(me.responses['503'].headers['retry-after'])

  const consultant = doc.paths['/v1/consultants/me/consultant'].get
  t.same(Object.keys(consultant.responses).sort(), ['200', '400', '401', '403', '429', '500', '503'])
  t.equal(consultant.responses['403'].description, 'CONSULTANTS_NOT_OWNER, COMMON_FORBIDDEN', 'merged with the route’s own 403')
  t.same(consultant.responses['403'].content['application/problem+json'].schema, { $ref: '#/components/schemas/Problem' })
})

t.test('securityFor merges without duplicating a code and refuses a non-problem response', async (t) => {
  const { response } = securityFor('signedIn', { ...problemResponses('COMMON_UNAUTHORIZED', 'COMMON_UNAVAILABLE') })
  t.equal(response[401].description, 'COMMON_UNAUTHORIZED')
  t.equal(response[503].description, 'COMMON_UNAVAILABLE')
  t.ok(response[401].headers && 'www-authenticate' in response[401].headers)
  t.notOk(403 in response, 'no 403 when any signed-in user may call')
  t.throws(() => securityFor('consultant', { 403: { type: 'object' } }), /403 response is not a problem response/)
})
