import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildTestCatalog } from '../helpers/app.js'
import { insertCategories } from '../helpers/rows.js'

const { app, prisma } = await buildTestCatalog(t)
const rows = await insertCategories(prisma)
const base = '/v1/catalog/consultation-categories'

/** A GET on a real socket, so the headers are the ones Node writes, not what inject reconstructs. */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

t.test('a 304 carries the validators but no content-length and no body', async (t) => {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  for (const path of [base, `${base}/${rows.first.categoryId}`, '/v1/catalog/service-categories']) {
    const first = await get(port, path)
    t.equal(first.status, 200)
    t.ok(first.headers['content-length'], 'the 200 has its length')
    const again = await get(port, path, { 'if-none-match': String(first.headers.etag) })
    t.equal(again.status, 304, path)
    t.equal(again.body, '')
    t.equal(again.headers.etag, first.headers.etag)
    t.notOk('content-length' in again.headers, `${path}: no content-length on the 304`)
    t.notOk('content-type' in again.headers, `${path}: no content-type on the 304`)
  }
})

t.test('a trailing slash is the same route and representation on the catalog too', async (t) => {
  for (const path of [base, `${base}/${rows.first.categoryId}`, '/v1/catalog/service-categories']) {
    const plain = await app.inject({ url: path })
    const slashed = await app.inject({ url: `${path}/` })
    t.equal(slashed.statusCode, 200, `${path}/`)
    t.same(slashed.json(), plain.json())
    t.equal(slashed.headers.etag, plain.headers.etag, 'same representation, same tag')
  }
  const filtered = await app.inject({ url: `/v1/catalog/service-categories/?categoryId=${rows.first.categoryId}` })
  t.equal(filtered.statusCode, 200)
  t.equal(filtered.json().items.length, 2)
})

t.test('wrong methods are 405 with Allow; integers only in canonical decimal digits', async (t) => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) {
    const res = await app.inject({ method, url: base })
    t.equal(res.statusCode, 405, method)
    t.equal(res.headers.allow, 'GET, HEAD')
    t.match(res.json(), { code: 'COMMON_METHOD_NOT_ALLOWED', status: 405 })
  }
  for (const categoryId of ['1e0', '01', '+1', '1.0']) {
    const res = await app.inject({ url: `/v1/catalog/service-categories?categoryId=${categoryId}` })
    t.equal(res.statusCode, 400, categoryId)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: '/query/categoryId' }] })
  }
  t.equal((await app.inject({ url: `${base}/9999999999` })).statusCode, 400)
})
