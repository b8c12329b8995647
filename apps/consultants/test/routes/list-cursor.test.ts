import { Prisma } from '@cp/db'
import t, { type Test } from 'tap'
import { encodeCursor, filterTag } from '../../src/lib/list-cursor.js'
import { BASE, buildTestConsultants } from '../helpers/app.js'

// Keyset pagination on a volume seed whose sort columns are made to tie a lot: every sort must walk the same
// consultants as offset pagination, in the same order, with no duplicate and no gap, however the ties fall.
const { app, prisma } = await buildTestConsultants(t, { volume: { customers: 1500, consultants: 150 } })
// Few distinct values per sort column, and a third of the prices missing: most rows tie on the first key.
await prisma.$executeRaw(Prisma.sql`UPDATE consultants SET
  Order_In_List = Consultant_ID % 4,
  Rating = (Consultant_ID % 3) + 0.5,
  Rating_Count = Consultant_ID % 2,
  Price = CASE WHEN Consultant_ID % 3 = 0 THEN NULL ELSE 100 + (Consultant_ID % 5) * 12.5 END`)

interface ListBody {
  items: Array<{ id: number; price: number | null; rating: number; ratingCount: number }>
  page?: number
  pageSize: number
  total?: number
  totalPages?: number
  nextCursor: string | null
}

async function get(t: Test, query: string, status = 200) {
  const res = await app.inject({ url: `${BASE}?${query}` })
  if (res.statusCode !== status) t.fail(`GET ?${query.slice(0, 120)}: ${res.statusCode}, not ${status}`)
  return res
}

async function offsetWalk(t: Test, query: string): Promise<number[]> {
  const ids: number[] = []
  for (let page = 1; ; page += 1) {
    const body = (await get(t, `${query}&pageSize=100&page=${page}`)).json() as ListBody
    ids.push(...body.items.map((item) => item.id))
    if (page >= (body.totalPages ?? 0)) return ids
  }
}

async function keysetWalk(t: Test, query: string, pageSize: number) {
  const ids: number[] = []
  const shapes = new Set<string>()
  const partialBeforeEnd: number[] = []
  let pages = 0
  let body = (await get(t, `${query}&pagination=keyset&pageSize=${pageSize}`)).json() as ListBody
  for (;;) {
    pages += 1
    shapes.add(Object.keys(body).sort().join())
    ids.push(...body.items.map((item) => item.id))
    if (body.nextCursor === null) break
    if (body.items.length !== pageSize) partialBeforeEnd.push(pages)
    body = (await get(t, `${query}&cursor=${body.nextCursor}&pageSize=${pageSize}`)).json() as ListBody
  }
  t.same([...shapes], ['items,nextCursor,pageSize'], 'no page number or total in keyset pages')
  t.same(partialBeforeEnd, [], 'every page with a next cursor is full')
  return { ids, pages }
}

const queries = ['sort=order', 'sort=rating', 'sort=price', 'sort=price_desc', 'sort=price&online=true', 'sort=rating&q=a']

for (const query of queries) {
  t.test(`keyset pages walk the same list as offset pages: ${query}`, async (t) => {
    const expected = await offsetWalk(t, query)
    t.ok(expected.length > 20, `enough consultants to page through (${expected.length})`)
    for (const pageSize of [1, 7]) {
      const { ids, pages } = await keysetWalk(t, query, pageSize)
      t.equal(new Set(ids).size, ids.length, `page size ${pageSize}: no consultant twice`)
      t.same(ids, expected, `page size ${pageSize}: every consultant, in order, none missing`)
      t.equal(pages, Math.max(1, Math.ceil(expected.length / pageSize)), 'no empty page at the end')
    }
  })
}

t.test('offset pages carry a cursor that continues where they end', async (t) => {
  const query = 'sort=price'
  const expected = await offsetWalk(t, query)
  const second = (await get(t, `${query}&pageSize=10&page=2`)).json() as ListBody
  t.equal(second.page, 2)
  t.type(second.total, 'number')
  t.type(second.nextCursor, 'string')
  const next = (await get(t, `${query}&pageSize=10&cursor=${second.nextCursor}`)).json() as ListBody
  t.same(next.items.map((item) => item.id), expected.slice(20, 30), 'the cursor of page 2 leads to page 3')
  const last = Math.ceil(expected.length / 10)
  const end = (await get(t, `${query}&pageSize=10&page=${last}`)).json() as ListBody
  t.equal(end.nextCursor, null, 'the last page has no next cursor')
})

t.test('a bad cursor is a 400 problem on /query/cursor, never a 500', async (t) => {
  const tag = filterTag({})
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const cases: Array<[string, string]> = [
    ['cursor=abc', 'not base64 JSON'],
    [`cursor=${forged({ a: 1 })}`, 'not an array'],
    [`cursor=${forged([2, 'order', tag, 1, 1])}`, 'unknown version'],
    [`cursor=${forged([1, 'order', tag, 1.5, 1])}`, 'fractional order'],
    [`cursor=${forged([1, 'order', tag, 1, 0])}`, 'id 0'],
    [`cursor=${forged([1, 'order', tag, 1, 2147483648])}`, 'id past INT'],
    [`cursor=${forged([1, 'order', tag, 1])}`, 'a value missing'],
    [`sort=price&cursor=${forged([1, 'price', tag, '1e3', 1])}`, 'price with an exponent'],
    [`sort=price&cursor=${forged([1, 'price', tag, "1' OR 1=1 --", 1])}`, 'price as SQL'],
    [`sort=rating&cursor=${forged([1, 'rating', tag, '12.5', 1, 1])}`, 'rating past DECIMAL(3,2)'],
    [`cursor=${encodeCursor({ sort: 'rating', rating: '4.5', ratingCount: 3, id: 9 }, tag)}`, 'another sort'],
    [`online=true&cursor=${encodeCursor({ sort: 'order', orderInList: 1, id: 9 }, tag)}`, 'other filters'],
    [`cursor=${'A'.repeat(201)}`, 'too long'],
    ['cursor=a%2Bb', 'not base64url'],
  ]
  for (const [query, why] of cases) {
    const res = await get(t, query, 400)
    t.match(res.headers['content-type'], /^application\/problem\+json/, why)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: '/query/cursor' }] }, why)
  }
  const cursor = encodeCursor({ sort: 'order', orderInList: 1, id: 9 }, tag)
  t.match((await get(t, `cursor=${cursor}&page=2`, 400)).json(), { errors: [{ path: '/query/page' }] }, 'page 2 and a cursor')
  t.match((await get(t, `cursor=${cursor}&pagination=offset`, 400)).json(), { errors: [{ path: '/query/cursor' }] })
  t.match((await get(t, 'pagination=sideways', 400)).json(), { errors: [{ path: '/query/pagination' }] })
  const ok = (await get(t, `cursor=${cursor}&page=1`)).json() as ListBody
  t.notOk('total' in ok, 'page=1 (the default) with a cursor is a keyset page')
})
