import t from 'tap'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, normalizePageRequest, pageInfo, pageWindow } from '../src/pagination.js'

t.test('the bounds are the documented ones', async (t) => {
  t.equal(DEFAULT_PAGE_SIZE, 20)
  t.equal(MAX_PAGE_SIZE, 100)
})

t.test('pageWindow turns a page into skip/take', async (t) => {
  t.same(pageWindow({ page: 1, pageSize: 20 }), { skip: 0, take: 20 })
  t.same(pageWindow({ page: 2, pageSize: 20 }), { skip: 20, take: 20 })
  t.same(pageWindow({ page: 5, pageSize: 7 }), { skip: 28, take: 7 })
  t.same(pageWindow({ page: 3, pageSize: MAX_PAGE_SIZE }), { skip: 200, take: 100 })
})

t.test('pageWindow fills in defaults', async (t) => {
  t.same(pageWindow({}), { skip: 0, take: DEFAULT_PAGE_SIZE })
  t.same(pageWindow({ page: 3 }), { skip: 40, take: DEFAULT_PAGE_SIZE })
  t.same(pageWindow({ pageSize: 5 }), { skip: 0, take: 5 })
  t.same(pageWindow({ page: undefined, pageSize: undefined }), { skip: 0, take: DEFAULT_PAGE_SIZE })
})

t.test('out-of-range values are clamped, never passed to the query', async (t) => {
  t.same(pageWindow({ page: 0, pageSize: 10 }), { skip: 0, take: 10 })
  t.same(pageWindow({ page: -4, pageSize: 10 }), { skip: 0, take: 10 })
  t.same(pageWindow({ page: 2, pageSize: 1000 }), { skip: 100, take: 100 })
  t.same(pageWindow({ page: 2, pageSize: 0 }), { skip: 1, take: 1 })
  t.same(pageWindow({ page: 2.9, pageSize: 10.5 }), { skip: 10, take: 10 })
  t.same(pageWindow({ page: NaN, pageSize: Infinity }), { skip: 0, take: DEFAULT_PAGE_SIZE })
  t.same(normalizePageRequest({ page: Infinity, pageSize: -Infinity }), { page: 1, pageSize: DEFAULT_PAGE_SIZE })
})

t.test('pageInfo counts the pages', async (t) => {
  t.same(pageInfo({ page: 1, pageSize: 20, total: 0 }), { page: 1, pageSize: 20, total: 0, totalPages: 0 })
  t.same(pageInfo({ page: 1, pageSize: 20, total: 1 }), { page: 1, pageSize: 20, total: 1, totalPages: 1 })
  t.same(pageInfo({ page: 1, pageSize: 20, total: 20 }), { page: 1, pageSize: 20, total: 20, totalPages: 1 })
  t.same(pageInfo({ page: 2, pageSize: 20, total: 21 }), { page: 2, pageSize: 20, total: 21, totalPages: 2 })
  t.same(pageInfo({ page: 9, pageSize: 10, total: 25 }), { page: 9, pageSize: 10, total: 25, totalPages: 3 }, 'past the end')
})

t.test('pageInfo reports the same normalised page as pageWindow used', async (t) => {
  t.same(pageInfo({ total: 45 }), { page: 1, pageSize: DEFAULT_PAGE_SIZE, total: 45, totalPages: 3 })
  t.same(pageInfo({ page: 0, pageSize: 500, total: 250 }), { page: 1, pageSize: 100, total: 250, totalPages: 3 })
  t.same(pageInfo({ page: 1, pageSize: 10, total: -3 }), { page: 1, pageSize: 10, total: 0, totalPages: 0 })
  t.same(pageInfo({ page: 1, pageSize: 10, total: NaN }), { page: 1, pageSize: 10, total: 0, totalPages: 0 })
})
