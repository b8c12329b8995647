import t from 'tap'
import { buildTestCatalog, CONTENT_URL } from '../helpers/app.js'
import { insertCategories } from '../helpers/rows.js'

const { app, prisma } = await buildTestCatalog(t)
const rows = await insertCategories(prisma)
const base = '/v1/catalog/service-categories'

t.test('lists active service categories in list order, with parent and price', async (t) => {
  const res = await app.inject({ url: base })
  t.equal(res.statusCode, 200)
  const items = res.json().items
  t.same(
    items.map((i: { id: number }) => i.id),
    [rows.otherService.serviceCategoryId, rows.firstService.serviceCategoryId, rows.secondService.serviceCategoryId],
  )
  t.match(items[1], { name: 'Contract review', parentCategoryId: rows.first.categoryId, price: 150.5 })
  t.equal(items[0].price, null)
  t.equal(items[2].iconUrl, `${CONTENT_URL}icons/court.svg`)
})

t.test('filters by consultation category', async (t) => {
  const res = await app.inject({ url: `${base}?categoryId=${rows.first.categoryId}&translations=true` })
  t.equal(res.statusCode, 200)
  const items = res.json().items
  t.same(
    items.map((i: { id: number }) => i.id),
    [rows.firstService.serviceCategoryId, rows.secondService.serviceCategoryId],
  )
  t.same(items[0].names, { en: 'Contract review', ar: 'مراجعة العقود' })
  const none = await app.inject({ url: `${base}?categoryId=2147483647` })
  t.same(none.json().items, [])
})

t.test('one service category by id, in Arabic', async (t) => {
  const res = await app.inject({ url: `${base}/${rows.secondService.serviceCategoryId}`, headers: { 'accept-language': 'ar' } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { name: 'رفع الدعاوى', parentCategoryId: rows.first.categoryId })
  t.ok(res.headers.etag)
})

t.test('inactive and unknown service categories are 404 in both languages', async (t) => {
  const url = `${base}/${rows.inactiveService.serviceCategoryId}`
  const en = await app.inject({ url })
  t.equal(en.statusCode, 404)
  t.match(en.json(), { code: 'CATALOG_SERVICE_CATEGORY_NOT_FOUND', title: 'Service category not found' })
  const ar = await app.inject({ url: `${base}/999999`, headers: { 'accept-language': 'ar' } })
  t.match(ar.json(), { code: 'CATALOG_SERVICE_CATEGORY_NOT_FOUND', title: 'تصنيف الخدمات غير موجود' })
})

t.test('bad filters and ids are 400', async (t) => {
  for (const url of [`${base}?categoryId=abc`, `${base}?categoryId=0`, `${base}?categoryId=2147483648`, `${base}?sort=name`, `${base}/1e3`]) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 400, url)
    t.match(res.json(), { code: 'COMMON_VALIDATION' })
  }
})
