import { tryParseCategoryId } from '@cp/domain'
import { Value } from '@sinclair/typebox/value'
import fastify from 'fastify'
import t from 'tap'
import { AppError, IdParamsSchema, idParam, negotiateLanguage } from '../src/index.js'

t.test('IdParamsSchema accepts only canonical positive decimals up to the INT column', async (t) => {
  const accepted = ['1', '9', '10', '42', '999999999', '1000000000', '1999999999', '2099999999', '2139999999']
  accepted.push('2146999999', '2147399999', '2147479999', '2147482999', '2147483599', '2147483639', '2147483647')
  for (const id of accepted) t.ok(Value.Check(IdParamsSchema, { id }), id)
  const refused = ['0', '-1', '012', '1e3', '1.5', ' 1', '+1', 'abc', '', '99999999999', '9999999999']
  refused.push('2147483648', '2147483650', '2147483700', '2147484000', '2147490000', '2147500000', '2148000000')
  refused.push('2150000000', '2200000000', '3000000000', '21474836470')
  for (const id of refused) t.notOk(Value.Check(IdParamsSchema, { id }), JSON.stringify(id))
  // Every value the pattern admits is one the domain parser admits, and the other way round, at every length.
  for (let length = 1; length <= 11; length++) {
    for (const id of ['1'.padEnd(length, '0'), '2147483647'.slice(0, length), '9'.repeat(length)]) {
      t.equal(Value.Check(IdParamsSchema, { id }), tryParseCategoryId(id) !== undefined, id)
    }
  }
})

t.test('idParam returns the branded id or a 400 for ids beyond the INT column', async (t) => {
  t.equal(idParam(tryParseCategoryId, '7'), 7)
  const error = t.throws(() => idParam(tryParseCategoryId, '2147483648')) as unknown as AppError
  t.ok(error instanceof AppError)
  t.equal(error.code, 'COMMON_VALIDATION')
  t.same(error.errors, [{ path: '/params/id', message: 'must be a positive integer no greater than 2147483647' }])
})

t.test('negotiateLanguage announces the language and adds to Vary without dropping other fields', async (t) => {
  const app = fastify()
  t.teardown(() => app.close())
  app.get('/', async (request, reply) => {
    reply.header('vary', 'Authorization')
    return { locale: negotiateLanguage(request, reply) }
  })
  const ar = await app.inject({ url: '/', headers: { 'accept-language': 'ar-SA,ar;q=0.9,en;q=0.5' } })
  t.same(ar.json(), { locale: 'ar' })
  t.equal(ar.headers['content-language'], 'ar')
  t.equal(ar.headers.vary, 'Authorization, Accept-Language')
  const other = await app.inject({ url: '/', headers: { 'accept-language': 'fr' } })
  t.same(other.json(), { locale: 'en' })
})
