import { Writable } from 'node:stream'
import t from 'tap'
import { buildCatalogApp } from '../src/app.js'
import { loadCatalogConfig } from '../src/config.js'
import { createAnswerCache } from '../src/plugins/answer-cache.js'
import { buildTestCatalog, CONTENT_URL } from './helpers/app.js'
import { insertCategories } from './helpers/rows.js'

/** Every statement the service sends, read back from its own `slow query` log at a threshold of 0. */
function statementLog() {
  const statements: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { msg?: string; query?: string }
        if (entry.msg === 'slow query' && entry.query) statements.push(entry.query)
      }
      done()
    },
  })
  const categoryReads = () => statements.filter((sql) => /categories/.test(sql)).length
  return { stream, categoryReads }
}

const countingEnv = { CATALOG_ANSWER_CACHE_SECONDS: '1', DB_SLOW_QUERY_MS: '0', DB_SLOW_QUERY_LOG_PER_SECOND: '10000' }
const base = '/v1/catalog/consultation-categories'

t.test('a fresh answer, and a 304 for it, are sent without a database query; a change shows after the TTL', async (t) => {
  const log = statementLog()
  const { app, prisma } = await buildTestCatalog(t, countingEnv, { level: 'warn', stream: log.stream })
  const rows = await insertCategories(prisma)

  const first = await app.inject({ url: base })
  t.equal(first.statusCode, 200)
  const reads = log.categoryReads()
  t.ok(reads >= 1, 'the first answer reads the database')
  const etag = String(first.headers.etag)

  const again = await app.inject({ url: base })
  t.equal(again.statusCode, 200)
  t.equal(again.body, first.body)
  t.same(
    { etag: again.headers.etag, type: again.headers['content-type'], lang: again.headers['content-language'], vary: again.headers.vary, cc: again.headers['cache-control'] },
    { etag, type: first.headers['content-type'], lang: 'en', vary: first.headers.vary, cc: first.headers['cache-control'] },
    'the same headers as the computed answer',
  )
  const notModified = await app.inject({ url: base, headers: { 'if-none-match': etag } })
  t.equal(notModified.statusCode, 304)
  t.equal(notModified.body, '')
  t.equal(notModified.headers.etag, etag)
  t.notOk(notModified.headers['content-length'])
  t.equal(log.categoryReads(), reads, 'neither touched the database')

  const arabic = await app.inject({ url: base, headers: { 'accept-language': 'ar' } })
  t.equal(arabic.headers['content-language'], 'ar')
  t.not(arabic.headers.etag, etag, 'each language is its own answer')
  t.equal(log.categoryReads(), reads + 1)
  t.equal((await app.inject({ url: `${base}?unknown=1` })).statusCode, 400, 'bad input is still refused')

  await prisma.consultationCategory.update({ where: { categoryId: rows.first.categoryId }, data: { nameEn: 'Law' } })
  const withinTtl = await app.inject({ url: base, headers: { 'if-none-match': etag } })
  t.equal(withinTtl.statusCode, 304, 'within the TTL the instance still answers from its copy (the staleness bound)')

  await new Promise((resolve) => setTimeout(resolve, 1100))
  const changed = await app.inject({ url: base, headers: { 'if-none-match': etag } })
  t.equal(changed.statusCode, 200, 'after the TTL the change is read')
  t.not(changed.headers.etag, etag)
  t.equal(changed.json().items[0].name, 'Law')
})

t.test('detail and filtered routes are cached per id and query; errors are not cached', async (t) => {
  const log = statementLog()
  const { app, prisma } = await buildTestCatalog(t, countingEnv, { level: 'warn', stream: log.stream })
  const rows = await insertCategories(prisma)
  const one = `${base}/${rows.first.categoryId}`
  const other = `${base}/${rows.second.categoryId}`
  const services = `/v1/catalog/service-categories?categoryId=${rows.first.categoryId}`

  const answers = [await app.inject({ url: one }), await app.inject({ url: other }), await app.inject({ url: services })]
  const reads = log.categoryReads()
  const again = [await app.inject({ url: one }), await app.inject({ url: other }), await app.inject({ url: services })]
  t.same(again.map((res) => res.body), answers.map((res) => res.body))
  t.not(answers[0]?.body, answers[1]?.body)
  t.equal(log.categoryReads(), reads, 'each answered from its own entry')

  const missing = `${base}/${rows.hidden.categoryId}`
  t.equal((await app.inject({ url: missing })).statusCode, 404)
  t.equal((await app.inject({ url: missing })).statusCode, 404)
  t.equal(log.categoryReads(), reads + 2, 'a 404 is asked again')
})

t.test('two instances on the same rows give the same ETag', async (t) => {
  const { app, prisma, config } = await buildTestCatalog(t, { CATALOG_ANSWER_CACHE_SECONDS: '5' })
  await insertCategories(prisma)
  const secondConfig = loadCatalogConfig({ NODE_ENV: 'test', DATABASE_URL: config.DATABASE_URL, CONTENT_URL, CATALOG_ANSWER_CACHE_SECONDS: '5' })
  const second = await buildCatalogApp({ config: secondConfig, logger: false })
  t.teardown(() => second.close())
  const [a, b] = await Promise.all([app.inject({ url: base }), second.inject({ url: base })])
  t.equal(a.headers.etag, b.headers.etag)
  const crossed = await second.inject({ url: base, headers: { 'if-none-match': String(a.headers.etag) } })
  t.equal(crossed.statusCode, 304)
})

t.test('the store: entries expire after the TTL, the oldest goes when full, a TTL of 0 keeps nothing', async (t) => {
  let clock = 0
  const cache = createAnswerCache({ ttlMs: 1000, maxEntries: 2, now: () => clock })
  const answer = (payload: string) => ({ payload, etag: `"${payload}"`, contentType: 'application/json' })
  cache.set('a', answer('1'))
  clock = 999
  t.equal(cache.get('a')?.payload, '1')
  clock = 1000
  t.equal(cache.get('a'), undefined, 'expired')
  cache.set('a', answer('1'))
  cache.set('b', answer('2'))
  cache.set('c', answer('3'))
  t.equal(cache.get('a'), undefined, 'the oldest was dropped')
  t.equal(cache.get('c')?.payload, '3')
  const off = createAnswerCache({ ttlMs: 0 })
  off.set('a', answer('1'))
  t.equal(off.get('a'), undefined)
  t.equal(off.enabled, false)
})
