import t from 'tap'
import { buildTestCatalog, CONTENT_URL } from '../helpers/app.js'
import { insertCategories } from '../helpers/rows.js'

const { app, prisma } = await buildTestCatalog(t)
const rows = await insertCategories(prisma)
const base = '/v1/catalog/consultation-categories'

t.test('lists only active categories, ordered by the legacy Order_In_List', async (t) => {
  const res = await app.inject({ url: base })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(
    body.items.map((item: { id: number }) => item.id),
    [rows.first.categoryId, rows.second.categoryId, rows.arabicOnly.categoryId],
  )
  t.notOk(body.items.some((item: { id: number }) => item.id === rows.hidden.categoryId), 'inactive row hidden')
})

t.test('names follow Accept-Language, with the other language as fallback', async (t) => {
  const en = (await app.inject({ url: base, headers: { 'accept-language': 'en-US,en;q=0.9' } })).json()
  const ar = await app.inject({ url: base, headers: { 'accept-language': 'ar-SA,ar;q=0.9' } })
  t.same(en.items.map((i: { name: string }) => i.name), ['Legal', 'Family', 'نفسية'])
  t.same(ar.json().items.map((i: { name: string }) => i.name), ['قانونية', 'الأسرة', 'نفسية'])
  t.equal(ar.headers['content-language'], 'ar')
  t.match(ar.headers.vary, /Accept-Language/)
  t.equal(en.items[0].description, 'Contracts and disputes')
  t.notOk('names' in en.items[0], 'single language unless asked')
})

t.test('translations=true returns both languages', async (t) => {
  const body = (await app.inject({ url: `${base}?translations=true` })).json()
  t.same(body.items[0].names, { en: 'Legal', ar: 'قانونية' })
  t.same(body.items[0].descriptions, { en: 'Contracts and disputes', ar: 'العقود والنزاعات' })
  t.same(body.items[2].names, { en: null, ar: 'نفسية' })
})

t.test('media URLs are composed from CONTENT_URL', async (t) => {
  const items = (await app.inject({ url: base })).json().items
  t.equal(items[0].imageUrl, 'https://images.example.org/legal.png', 'absolute URLs kept')
  t.equal(items[0].iconUrl, null, 'missing media is null')
  t.equal(items[1].imageUrl, `${CONTENT_URL}categories/family.png`)
  t.equal(items[1].iconUrl, `${CONTENT_URL}icons/family.svg`, 'one slash between host and path')
  t.equal(items[2].imageUrl, `${CONTENT_URL}categories/${encodeURIComponent('صورة 1.png')}`, 'path segments encoded')
})

t.test('strong ETag, cacheable, 304 on If-None-Match', async (t) => {
  const first = await app.inject({ url: base })
  const etag = first.headers.etag as string
  t.match(etag, /^"[A-Za-z0-9_-]+"$/, 'strong tag')
  t.match(first.headers['cache-control'], /public, max-age=\d+/)
  const again = await app.inject({ url: base, headers: { 'if-none-match': etag } })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
  t.equal(again.headers.etag, etag)
  const listed = await app.inject({ url: base, headers: { 'if-none-match': `"other", W/${etag}` } })
  t.equal(listed.statusCode, 304, 'a tag in a list matches, weakly compared')
  const stale = await app.inject({ url: base, headers: { 'if-none-match': '"stale"' } })
  t.equal(stale.statusCode, 200)
  const arabic = await app.inject({ url: base, headers: { 'accept-language': 'ar', 'if-none-match': etag } })
  t.equal(arabic.statusCode, 200, 'another language is another representation')
  t.not(arabic.headers.etag, etag)
})

t.test('the ETag changes when the data changes', async (t) => {
  const before = (await app.inject({ url: base })).headers.etag as string
  await prisma.consultationCategory.update({ where: { categoryId: rows.second.categoryId }, data: { nameEn: 'Family & kids' } })
  t.teardown(() =>
    prisma.consultationCategory.update({ where: { categoryId: rows.second.categoryId }, data: { nameEn: 'Family' } }),
  )
  const after = await app.inject({ url: base, headers: { 'if-none-match': before } })
  t.equal(after.statusCode, 200)
  t.not(after.headers.etag, before)
})

t.test('one category by id', async (t) => {
  const res = await app.inject({ url: `${base}/${rows.first.categoryId}`, headers: { 'accept-language': 'ar' } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { id: rows.first.categoryId, name: 'قانونية', order: 1 })
  const cached = await app.inject({
    url: `${base}/${rows.first.categoryId}`,
    headers: { 'accept-language': 'ar', 'if-none-match': res.headers.etag as string },
  })
  t.equal(cached.statusCode, 304)
})

t.test('unknown and inactive ids are 404 problem+json in the request language', async (t) => {
  for (const id of [rows.hidden.categoryId, 2147483647]) {
    const en = await app.inject({ url: `${base}/${id}` })
    t.equal(en.statusCode, 404)
    t.match(en.headers['content-type'], /^application\/problem\+json/)
    t.match(en.json(), { status: 404, code: 'CATALOG_CATEGORY_NOT_FOUND', title: 'Consultation category not found' })
    t.notOk(en.headers.etag, 'errors are not cached')
    const ar = await app.inject({ url: `${base}/${id}`, headers: { 'accept-language': 'ar' } })
    t.match(ar.json(), { code: 'CATALOG_CATEGORY_NOT_FOUND', title: 'تصنيف الاستشارات غير موجود' })
  }
})

t.test('malformed ids and unknown query parameters are 400 problem+json', async (t) => {
  for (const id of ['abc', '0', '-1', '1e3', '012', '1.5', '99999999999', '2147483648', '%20']) {
    const res = await app.inject({ url: `${base}/${id}` })
    t.equal(res.statusCode, 400, `id ${id}`)
    t.match(res.json(), { code: 'COMMON_VALIDATION', status: 400 })
  }
  for (const query of ['unknown=1', 'translations=maybe', 'translations=true&page=2']) {
    const res = await app.inject({ url: `${base}?${query}` })
    t.equal(res.statusCode, 400, query)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { code: 'COMMON_VALIDATION' })
  }
})
