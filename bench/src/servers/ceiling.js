// @ts-check
// The raw-driver ceiling: bare Fastify 5 and the `mariadb` driver, no Prisma, no service-kit (no helmet, rate limit,
// request ids, validation, ETag). It answers the benchmarked routes with the same SQL as the services' repositories
// and the same bytes, so the difference the runner measures is the framework and data-layer tax alone. The mapping
// from rows to API shapes is the services' own pure mappers (same work on both sides); the runner checks the bytes
// before it measures anything, so any drift of SQL or shape stops the benchmark instead of skewing it.
//
// Environment: DATABASE_URL, PORT, HOST, CONTENT_URL, PLATFORM_TIME_ZONE, CONSULTANTS_TOTAL_CACHE_SECONDS,
// CONSULTANTS_PROFILE_CACHE_SECONDS, DB_POOL_SIZE (the services' defaults where unset).
import { toConsultantDetail, toConsultantListItem } from '@cp/consultants/dist/lib/consultant-view.js'
import { encodeCursor, filterTag, positionOf } from '@cp/consultants/dist/lib/list-cursor.js'
import { createTtlCache } from '@cp/consultants/dist/lib/total-cache.js'
import { calendarDateIn, normalizePageRequest, pageInfo, resolveLocale, toCategoryListItem } from '@cp/domain'
import fastify from 'fastify'
import { createPool } from 'mariadb'
import { CATEGORIES_SQL, COUNT_SQL, DETAIL_SQL, PAGE_SQL } from './ceiling-sql.js'

const env = process.env
const contentUrl = env.CONTENT_URL ?? 'http://localhost:8080/media'
const timeZone = env.PLATFORM_TIME_ZONE ?? 'Asia/Riyadh'
const totalTtlMs = Number(env.CONSULTANTS_TOTAL_CACHE_SECONDS ?? '10') * 1000
const profileTtlMs = Number(env.CONSULTANTS_PROFILE_CACHE_SECONDS ?? '5') * 1000
const LATEST_REVIEWS = 5

const url = new URL(env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/consultation')
// Query parameters are driver options, as @cp/db reads them (`allowPublicKeyRetrieval=true` for MySQL 8.4).
/** @type {Record<string, unknown>} */
const driverOptions = {}
for (const [key, value] of url.searchParams) {
  driverOptions[key] = value === 'true' ? true : value === 'false' ? false : /^-?\d+$/.test(value) ? Number(value) : value
}
const pool = createPool({
  ...driverOptions,
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username) || 'root',
  password: decodeURIComponent(url.password) || undefined,
  database: decodeURIComponent(url.pathname.slice(1)),
  connectionLimit: Number(env.DB_POOL_SIZE ?? '10'),
})

// The services' own caches (a plain TTL map; same TTLs), so both sides read the database exactly as often.
/** @type {import('@cp/consultants/dist/lib/total-cache.js').TtlCache<number>} */
const totals = createTtlCache({ ttlMs: totalTtlMs, maxEntries: 1000 })
/** @type {import('@cp/consultants/dist/lib/total-cache.js').TtlCache<any>} */
const profiles = createTtlCache({ ttlMs: profileTtlMs, maxEntries: 1000 })
const noFilter = filterTag({})

/** The rows of DETAIL_SQL as the repository splits them: the consultant, its star counts, its reviews. */
async function readProfile(/** @type {number} */ id, /** @type {string} */ today) {
  const rows = await pool.query(DETAIL_SQL, [id, id, LATEST_REVIEWS, id, today, today, today])
  const [first] = rows
  if (!first) return { today, record: undefined }
  const ratingCounts = [1, 2, 3, 4, 5].map((rating) => ({ rating, count: first[`stars${rating}`] }))
  const reviews = []
  for (const row of rows) {
    if (row.reviewId === null) continue
    const { reviewId, reviewRating: rating, comment, createdAt, reviewerFirstName } = row
    reviews.push({ reviewId, rating, comment, createdAt, reviewerFirstName })
  }
  return { today, record: { consultant: first, reviews, ratingCounts } }
}

const app = fastify({ logger: false })

app.get('/health/ready', async () => {
  await pool.query('SELECT 1')
  return { status: 'ok' }
})

app.get('/v1/catalog/consultation-categories', async (request) => {
  const locale = resolveLocale(request.headers['accept-language'])
  const rows = await pool.query(CATEGORIES_SQL)
  return { items: rows.map((/** @type {any} */ row) => toCategoryListItem(row, { contentUrl, locale })) }
})

// Page 1 in the default sort (`order`) without filters: the request the runner sends.
app.get('/v1/consultants', async (request) => {
  const locale = resolveLocale(request.headers['accept-language'])
  const pageRequest = normalizePageRequest({})
  const take = pageRequest.pageSize
  const skip = (pageRequest.page - 1) * take
  const today = calendarDateIn(new Date(), timeZone)
  const rows = await pool.query(PAGE_SQL, [today, today, today, take, skip])
  const total =
    rows.length > 0 && rows.length < take
      ? skip + rows.length
      : rows.length === 0 && skip === 0
        ? 0
        : await totals.get(today, async () => {
            const [row] = await pool.query(COUNT_SQL, [today, today, today])
            return Number(row?.total ?? 0)
          })
  const { page, pageSize, totalPages } = pageInfo({ ...pageRequest, total })
  // In the order the service's serializer writes them: required properties first.
  return {
    items: rows.map((/** @type {any} */ row) => toConsultantListItem(row, { contentUrl, locale })),
    pageSize,
    nextCursor: skip + rows.length < total ? encodeCursor(positionOf(rows[rows.length - 1], 'order'), noFilter) : null,
    page,
    total,
    totalPages,
  }
})

app.get('/v1/consultants/:id', async (request, reply) => {
  const locale = resolveLocale(request.headers['accept-language'])
  const id = Number(/** @type {{ id: string }} */ (request.params).id)
  const today = calendarDateIn(new Date(), timeZone)
  let cached = await profiles.get(String(id), () => readProfile(id, today))
  if (cached.today !== today) {
    profiles.forget(String(id))
    cached = await profiles.get(String(id), () => readProfile(id, today))
  }
  const found = cached.record
  if (!found) return reply.code(404).send({ code: 'CONSULTANTS_NOT_FOUND' })
  return toConsultantDetail(found.consultant, found.reviews, found.ratingCounts, { contentUrl, locale, timeZone })
})

for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.once(signal, () => {
    void app.close().then(() => pool.end()).finally(() => process.exit(0))
  })
}

await app.listen({ host: env.HOST ?? '127.0.0.1', port: Number(env.PORT ?? '3100') })
