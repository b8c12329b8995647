import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { register } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'

// The catalog reads through the driver alone (`app.dbReadRows`, readiness too), so its process never loads Prisma's
// query compiler (tens of MiB resident). This file is its own process: every module resolved from here on is recorded,
// and no Prisma query runs in it, not even to insert the rows (those go through the driver as well).
const dir = mkdtempSync(join(tmpdir(), 'cp-catalog-modules-'))
const record = join(dir, 'modules.txt')
writeFileSync(record, '')
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
register(new URL('./fixtures/record-resolved-modules.mjs', import.meta.url), { data: record })

const { Prisma } = await import('@cp/db')
const { buildTestCatalog } = await import('./helpers/app.js')

const compiler = (url: string) => /query_compiler|wasm-base64/.test(url)

t.test('serving every catalog route and readiness loads no Prisma query compiler', async (t) => {
  const { app, db } = await buildTestCatalog(t)
  await db.rows(Prisma.sql`INSERT INTO consultations_categories (Category_ID, Name_Ar, Name_En, Order_In_List) VALUES (7, 'أ', 'A', 1)`)
  await db.rows(Prisma.sql`INSERT INTO services_categories (Service_Category_ID, Category_ID, Name_Ar, Name_En, Price) VALUES (9, 7, 'ب', 'B', 12.5)`)
  for (const url of [
    '/v1/catalog/consultation-categories',
    '/v1/catalog/consultation-categories/7',
    '/v1/catalog/service-categories',
    '/v1/catalog/service-categories?categoryId=7',
    '/v1/catalog/service-categories/9',
    '/health/ready',
  ]) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 200, url)
  }
  const loaded = readFileSync(record, 'utf8').split('\n').filter(Boolean)
  t.ok(loaded.some((url) => url.includes('/generated/prisma/')), 'the recorder sees the Prisma client itself load')
  t.same(loaded.filter(compiler), [], 'but not its query compiler')

  // The same check fails once a Prisma query runs, so it can tell.
  await db.prisma.consultationCategory.count()
  t.ok(readFileSync(record, 'utf8').split('\n').some(compiler), 'a Prisma query does load it')
})
