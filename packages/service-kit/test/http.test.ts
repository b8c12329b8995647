import { tryParseCategoryId } from '@cp/domain'
import { Value } from '@sinclair/typebox/value'
import fastify from 'fastify'
import t from 'tap'
import { AppError, IdParamsSchema, idParam, negotiateLanguage } from '../src/index.js'

t.test('IdParamsSchema accepts only canonical positive decimals', async (t) => {
  for (const id of ['1', '42', '2147483647', '9999999999']) t.ok(Value.Check(IdParamsSchema, { id }), id)
  for (const id of ['0', '-1', '012', '1e3', '1.5', ' 1', 'abc', '', '99999999999']) {
    t.notOk(Value.Check(IdParamsSchema, { id }), JSON.stringify(id))
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
