// Temporary: in-process CPU per query, Prisma $queryRaw vs the raw driver, for the consultants hot reads.
import { createDb, Prisma, parseDbConfig } from '@cp/db'
import { createPool } from 'mariadb'
import { createBenchDatabase } from './database.js'
import { pageQuery, detailQuery } from '../../apps/consultants/src/repositories/consultants-repository.js'
import { PAGE_SQL, DETAIL_SQL } from './servers/ceiling-sql.js'

const teardowns: Array<() => unknown> = []
const bench = await createBenchDatabase({ customers: 10000, consultants: 1000 }, teardowns)
const logger = { info() {}, warn() {}, error() {}, debug() {} } as any
const db = createDb(parseDbConfig({ DATABASE_URL: bench.url }), logger)
const url = new URL(bench.url)
const pool = createPool({ host: url.hostname, port: Number(url.port || 3306), user: 'root', database: url.pathname.slice(1), connectionLimit: 10 })
const today = new Date().toISOString().slice(0, 10) as any
const id = ((await pool.query(PAGE_SQL, [today, today, today, 20, 0])) as any[])[0].consultantId as number

async function measure(name: string, run: () => Promise<unknown>, n = 1500, concurrency = 16) {
  for (let i = 0; i < 200; i++) await run()
  const start = process.cpuUsage()
  const t0 = performance.now()
  let left = n
  await Promise.all(Array.from({ length: concurrency }, async () => { while (left-- > 0) await run() }))
  const cpu = process.cpuUsage(start)
  console.log(`${name.padEnd(50)} ${((cpu.user + cpu.system) / n).toFixed(0).padStart(6)} µs CPU/query  ${((performance.now() - t0) / n * 1000).toFixed(0)} µs wall/query`)
}
const window = { skip: 0, take: 20 }
const castSql = (sql: Prisma.Sql) => Prisma.raw(sql.sql.replace('c.Price AS price', 'CAST(c.Price AS CHAR) AS price').replace('c.Rating AS rating', 'CAST(c.Rating AS CHAR) AS rating'))
const { bookableByProbe } = await import('../../apps/consultants/src/repositories/bookable-sql.js')
const LIST_COLUMNS = Prisma.raw(`c.Consultant_ID AS consultantId, c.Customer_ID AS customerId,
  c.Category_ID AS categoryId, c.Branch_ID AS branchId, c.Title_Ar AS titleAr, c.Title_En AS titleEn,
  c.Photo AS photo, c.Price AS price, c.Rating AS rating, c.Rating_Count AS ratingCount,
  c.Online_Status AS onlineStatus, c.Verified_Status AS verifiedStatus,
  a.First_Name AS firstName, a.Last_Name AS lastName, a.Photo AS accountPhoto,
  cat.Name_Ar AS categoryNameAr, cat.Name_En AS categoryNameEn, b.Name_Ar AS branchNameAr, b.Name_En AS branchNameEn`)
async function oldDetail() {
  const rows = await db.prisma.$queryRaw<any[]>(Prisma.sql`SELECT ${LIST_COLUMNS}, c.Bio_Ar AS bioAr, c.Bio_En AS bioEn
        FROM consultants c JOIN customers a ON a.Customer_ID = c.Customer_ID LEFT JOIN consultations_categories cat ON cat.Category_ID = c.Category_ID
  LEFT JOIN branches b ON b.Branch_ID = c.Branch_ID
        WHERE c.Consultant_ID = ${id} AND ${bookableByProbe(today)}`)
  if (!rows[0]) throw new Error('none')
  return Promise.all([db.prisma.$queryRaw(Prisma.sql`
        SELECT r.Review_ID AS reviewId, r.Rating AS rating, r.Comment AS comment,
          CAST(r.Created_at AS CHAR) AS createdAt, a.First_Name AS reviewerFirstName
        FROM reviews r LEFT JOIN customers a ON a.Customer_ID = r.Customer_ID
        WHERE r.Consultant_ID = ${id} AND r.Review_Status = 'Visible'
        ORDER BY r.Created_at DESC, r.Review_ID DESC LIMIT ${5}`), db.prisma.$queryRaw(Prisma.sql`
        SELECT r.Rating AS rating, COUNT(*) AS count FROM reviews r
        WHERE r.Consultant_ID = ${id} AND r.Review_Status = 'Visible' GROUP BY r.Rating`)])
}
for (let round = 0; round < 2; round++) {
  await measure('detail: prisma three statements (before)', oldDetail)
  await measure('list: raw driver', () => pool.query(PAGE_SQL, [today, today, today, 20, 0]))
  await measure('list: prisma $queryRaw', () => db.prisma.$queryRaw(pageQuery({}, 'order', today, window)))
  const q = pageQuery({}, 'order', today, window)
  const casted = Prisma.sql([q.sql.replace('c.Price AS price', 'CAST(c.Price AS CHAR) AS price').replace('c.Rating AS rating', 'CAST(c.Rating AS CHAR) AS rating')], ...([] as any[]))
  await measure('list: prisma $queryRawUnsafe, decimals as text', () => db.prisma.$queryRawUnsafe(q.sql.replace('c.Price AS price', 'CAST(c.Price AS CHAR) AS price').replace('c.Rating AS rating', 'CAST(c.Rating AS CHAR) AS rating'), ...q.values))
  await measure('list: prisma $queryRawUnsafe', () => db.prisma.$queryRawUnsafe(q.sql, ...q.values))
  await measure('detail: raw driver one statement', () => pool.query(DETAIL_SQL, [id, id, 5, id, today, today, today]))
  await measure('detail: prisma one statement', () => db.prisma.$queryRaw(detailQuery(id, today, 5)))
  void casted
}
await db.disconnect(); await pool.end()
for (const t of teardowns.reverse()) await t()
const { releaseDatabases } = await import('./database.js'); await releaseDatabases()
