// @ts-check
// The raw-driver ceiling: bare Fastify 5 and the `mariadb` driver, no Prisma, no service-kit (no helmet, rate limit,
// request ids, validation, ETag). It answers the benchmarked routes with the same SQL as the services' repositories
// and the same bytes, so the difference the runner measures is the framework and data-layer tax alone. The mapping
// from rows to API shapes is the services' own pure mappers (same work on both sides); the runner checks the bytes
// before it measures anything, so any drift of SQL or shape stops the benchmark instead of skewing it.
//
// Environment: DATABASE_URL, PORT, HOST, CONTENT_URL, PLATFORM_TIME_ZONE, CONSULTANTS_TOTAL_CACHE_SECONDS,
// DB_POOL_SIZE (the services' defaults where unset).
import { toConsultantDetail, toConsultantListItem } from '@cp/consultants/dist/lib/consultant-view.js'
import { calendarDateIn, normalizePageRequest, pageInfo, resolveLocale, toCategoryListItem } from '@cp/domain'
import fastify from 'fastify'
import { createPool } from 'mariadb'
import { CATEGORIES_SQL, COUNT_SQL, DETAIL_SQL, PAGE_SQL, RATING_COUNTS_SQL, REVIEWS_SQL } from './ceiling-sql.js'

const env = process.env
const contentUrl = env.CONTENT_URL ?? 'http://localhost:8080/media'
const timeZone = env.PLATFORM_TIME_ZONE ?? 'Asia/Riyadh'
const totalTtlMs = Number(env.CONSULTANTS_TOTAL_CACHE_SECONDS ?? '10') * 1000
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

/** @type {Map<string, { total: Promise<number>, expiresAt: number }>} */
const totals = new Map()

/** The services' list-total cache, same TTL, same sharing of one count between concurrent requests. */
function cachedTotal(/** @type {string} */ key, /** @type {() => Promise<number>} */ count) {
  if (totalTtlMs <= 0) return count()
  const now = Date.now()
  const cached = totals.get(key)
  if (cached && cached.expiresAt > now) return cached.total
  const total = count()
  totals.set(key, { total, expiresAt: now + totalTtlMs })
  total.catch(() => totals.delete(key))
  return total
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
        : await cachedTotal(today, async () => {
            const [row] = await pool.query(COUNT_SQL, [today, today, today])
            return Number(row?.total ?? 0)
          })
  return {
    items: rows.map((/** @type {any} */ row) => toConsultantListItem(row, { contentUrl, locale })),
    ...pageInfo({ ...pageRequest, total }),
  }
})

app.get('/v1/consultants/:id', async (request, reply) => {
  const locale = resolveLocale(request.headers['accept-language'])
  const id = Number(/** @type {{ id: string }} */ (request.params).id)
  const today = calendarDateIn(new Date(), timeZone)
  const [row] = await pool.query(DETAIL_SQL, [id, today, today, today])
  if (!row) return reply.code(404).send({ code: 'CONSULTANTS_NOT_FOUND' })
  const [reviews, ratingCounts] = await Promise.all([
    pool.query(REVIEWS_SQL, [id, LATEST_REVIEWS]),
    pool.query(RATING_COUNTS_SQL, [id]),
  ])
  return toConsultantDetail(row, reviews, ratingCounts, { contentUrl, locale, timeZone })
})

for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.once(signal, () => {
    void app.close().then(() => pool.end()).finally(() => process.exit(0))
  })
}

await app.listen({ host: env.HOST ?? '127.0.0.1', port: Number(env.PORT ?? '3100') })
