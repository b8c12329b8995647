import { pageWindow } from '@cp/domain'
import { Value } from '@sinclair/typebox/value'
import { Type } from '@sinclair/typebox'
import t from 'tap'
import { PageQuerySchema, paginated, toPage } from '../src/index.js'
import { createTestDatabase } from '../src/testing/index.js'

t.test('PageQuerySchema defaults, converts querystring values and enforces bounds', async (t) => {
  t.same(Value.Parse(PageQuerySchema, {}), { page: 1, pageSize: 20 })
  t.same(Value.Parse(PageQuerySchema, { page: '3', pageSize: '100' }), { page: 3, pageSize: 100 })
  t.notOk(Value.Check(PageQuerySchema, { page: 0, pageSize: 20 }))
  t.notOk(Value.Check(PageQuerySchema, { page: 1, pageSize: 101 }))
  t.notOk(Value.Check(PageQuerySchema, { page: 1, pageSize: 0 }))
  t.notOk(Value.Check(PageQuerySchema, { page: 1.5, pageSize: 20 }))
  t.ok(Value.Check(PageQuerySchema, { page: 10_000, pageSize: 20 }))
  t.notOk(Value.Check(PageQuerySchema, { page: 10_001, pageSize: 20 }), 'no page beyond MAX_PAGE')
})

t.test('paginated() describes the list envelope around an item schema', async (t) => {
  const schema = paginated(Type.Object({ id: Type.Integer() }))
  t.ok(Value.Check(schema, { items: [{ id: 1 }], page: 1, pageSize: 20, total: 1, totalPages: 1 }))
  t.notOk(Value.Check(schema, { items: [{ id: 'x' }], page: 1, pageSize: 20, total: 1, totalPages: 1 }), 'items are checked')
  t.notOk(Value.Check(schema, { items: [], page: 1, pageSize: 20, total: 0 }), 'totalPages is required')
})

t.test('toPage() with pageWindow() pages through real rows', async (t) => {
  const { db } = await createTestDatabase(t, { connect: true })
  await db.prisma.consultationCategory.createMany({
    data: Array.from({ length: 45 }, (_, i) => ({ nameAr: `ف${i}`, nameEn: `c${i}`, orderInList: i })),
  })
  const query = { page: 3, pageSize: 20 }
  const [rows, total] = await Promise.all([
    db.prisma.consultationCategory.findMany({ ...pageWindow(query), orderBy: { orderInList: 'asc' }, select: { orderInList: true } }),
    db.prisma.consultationCategory.count(),
  ])
  const page = toPage(rows, total, query)
  t.same(page, { items: [{ orderInList: 40 }, { orderInList: 41 }, { orderInList: 42 }, { orderInList: 43 }, { orderInList: 44 }], page: 3, pageSize: 20, total: 45, totalPages: 3 })
  t.ok(Value.Check(paginated(Type.Object({ orderInList: Type.Integer() })), page), 'the result satisfies the response schema')
  t.same(toPage([], 45, { page: 9, pageSize: 20 }), { items: [], page: 9, pageSize: 20, total: 45, totalPages: 3 }, 'a page past the end is empty, not an error')
})
