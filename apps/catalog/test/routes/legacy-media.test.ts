import { mediaUrlProblems, ODD_MEDIA_VALUES } from '@cp/domain/testing'
import t, { type Test } from 'tap'
import { buildTestCatalog, CONTENT_URL } from '../helpers/app.js'

const { app, prisma } = await buildTestCatalog(t)

// One active category and one service per odd value, written to the legacy columns as they are.
const categories: Array<{ id: number; value: string }> = []
const services: Array<{ id: number; value: string }> = []
for (const [index, value] of ODD_MEDIA_VALUES.entries()) {
  const category = await prisma.consultationCategory.create({
    data: { nameEn: `Odd ${index}`, nameAr: `غريب ${index}`, orderInList: index, image: value, icon: value },
  })
  categories.push({ id: category.categoryId, value })
  const service = await prisma.serviceCategory.create({
    data: { categoryId: category.categoryId, nameEn: `S ${index}`, nameAr: `خ ${index}`, orderInList: index, image: value, icon: value },
  })
  services.push({ id: service.serviceCategoryId, value })
}

interface Item {
  id: number
  imageUrl: unknown
  iconUrl: unknown
}

function checkItems(t: Test, items: Item[], rows: Array<{ id: number; value: string }>, what: string) {
  t.equal(items.length, rows.length, `${what}: every row is listed`)
  for (const item of items) {
    const row = rows.find((r) => r.id === item.id)
    if (!row) {
      t.fail(`${what}: unexpected id ${item.id}`)
      continue
    }
    const label = `${what} ${JSON.stringify(row.value.slice(0, 40))}`
    // The 200 already says the serializer's `format: 'uri'` accepted them; this checks they are safe as well.
    t.same(mediaUrlProblems(item.imageUrl, row.value, CONTENT_URL), [], `${label} imageUrl`)
    t.same(mediaUrlProblems(item.iconUrl, row.value, CONTENT_URL), [], `${label} iconUrl`)
  }
}

t.test('the consultation category list answers 200 whatever the media columns hold', async (t) => {
  for (const language of ['en', 'ar']) {
    const res = await app.inject({ url: '/v1/catalog/consultation-categories?translations=true', headers: { 'accept-language': language } })
    t.equal(res.statusCode, 200, res.body.slice(0, 200))
    checkItems(t, res.json().items, categories, 'category')
  }
  const items = (await app.inject({ url: '/v1/catalog/consultation-categories' })).json().items as Item[]
  const url = (value: string) => items.find((item) => item.id === categories.find((c) => c.value === value)?.id)?.imageUrl
  t.equal(url('https://a.b/c d.png'), 'https://a.b/c%20d.png', 'the value that made the list a 500 is encoded')
  t.equal(url('javascript:alert(document.cookie)'), null, 'another scheme is no media URL')
  t.equal(url('../../etc/passwd'), null, 'traversal is no media URL')
  t.equal(url('/\\evil.example/x.png'), `${CONTENT_URL}%5Cevil.example/x.png`, 'a backslash stays in the path')
})

t.test('each consultation category answers 200 with safe URLs', async (t) => {
  for (const row of categories) {
    const res = await app.inject({ url: `/v1/catalog/consultation-categories/${row.id}` })
    t.equal(res.statusCode, 200, JSON.stringify(row.value.slice(0, 40)))
    checkItems(t, [res.json()], [row], 'category detail')
  }
})

t.test('the service category list and each service answer 200 with safe URLs', async (t) => {
  const res = await app.inject({ url: '/v1/catalog/service-categories' })
  t.equal(res.statusCode, 200, res.body.slice(0, 200))
  checkItems(t, res.json().items, services, 'service')
  for (const row of services) {
    const one = await app.inject({ url: `/v1/catalog/service-categories/${row.id}` })
    t.equal(one.statusCode, 200, JSON.stringify(row.value.slice(0, 40)))
    checkItems(t, [one.json()], [row], 'service detail')
  }
})
