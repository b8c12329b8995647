import type { Test } from 'tap'
import { Type } from '@sinclair/typebox'
import t from 'tap'
import { buildService, checkSuccessResponses, problemResponsesFor, successResponse } from '../../src/index.js'
import { TEST_ERRORS, testConfig } from '../helpers/test-app.js'

const problems = problemResponsesFor(TEST_ERRORS)
const Item = Type.Object(
  { id: Type.Integer({ minimum: 1 }), photo: Type.Union([Type.String({ format: 'uri' }), Type.Null()]) },
  { additionalProperties: false },
)

/** A service whose document keeps some promises and breaks others, each in one route. */
async function documentOf(t: Test) {
  const app = await buildService({
    name: 'examples',
    version: '1.0.0',
    config: testConfig(),
    logger: false,
    errors: TEST_ERRORS,
    routesPrefix: '/v1/examples',
    routes: async (routes) => {
      const reply = () => ({ id: 1, photo: null })
      const good = successResponse(Item, {
        description: 'One item',
        example: { id: 7, photo: 'https://cdn.example.com/a.png' },
      })
      routes.get('/good', { schema: { response: { 200: good, ...problems() } } }, reply)
      routes.get('/nullable', {
        schema: { response: { 200: successResponse(Item, { description: 'Null photo', example: { id: 7, photo: null } }) } },
      }, reply)
      routes.get('/plain', { schema: { response: { 200: Item } } }, reply)
      routes.get('/no-schema', {}, reply)
      // The type system stops these lies; a document can still hold one (hand-written schema, a cast).
      const lying = { ...Item, description: 'Lies', examples: [{ id: 0, photo: 'not a uri', extra: true }] }
      routes.get('/lying', { schema: { response: { 200: lying } } }, reply)
      routes.delete('/gone', { schema: { response: { 204: Type.Null({ description: 'Removed' }) } } }, async (_r, res) => {
        await res.code(204).send(null)
      })
    },
  })
  t.teardown(() => app.close())
  return (await app.inject({ url: '/docs/examples/openapi.json' })).json()
}

t.test('a documented success response reaches the document as description and media example', async (t) => {
  const doc = await documentOf(t)
  const ok = doc.paths['/v1/examples/good'].get.responses['200']
  t.equal(ok.description, 'One item')
  t.same(ok.content['application/json'].example, { id: 7, photo: 'https://cdn.example.com/a.png' })
  t.notOk('examples' in ok.content['application/json'].schema, 'not left inside the schema, where 3.0 forbids it')
})

t.test('the checker names every broken promise and passes kept ones', async (t) => {
  const { checked, problems: found } = checkSuccessResponses(await documentOf(t))
  t.same(checked.sort(), [
    'GET /v1/examples/good 200',
    'GET /v1/examples/lying 200',
    'GET /v1/examples/nullable 200',
  ])
  t.same(found.sort(), [
    'GET /v1/examples/lying 200: the example does not match its schema: / must NOT have additional properties; ' +
      '/id must be >= 1; /photo must match format "uri"',
    'GET /v1/examples/no-schema 200: described as "Default Response"',
    'GET /v1/examples/plain 200: application/json has no example',
    'GET /v1/examples/plain 200: described as "Default Response"',
  ])
})
