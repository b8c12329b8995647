import { Prisma } from '@cp/db'
import { CONSULTANT_SCENARIOS, type ConsultantScenarioName, findScenario } from '@cp/db/seed'
import t from 'tap'
import { BASE, buildTestConsultants, CONTENT_URL, consultantIdOf } from '../helpers/app.js'

const { app, prisma } = await buildTestConsultants(t)
const eligibleId = await consultantIdOf(prisma, 'eligible')

t.test('the public profile: names, bio, rating distribution and latest visible reviews', async (t) => {
  const res = await app.inject({ url: `${BASE}/${eligibleId}`, headers: { 'accept-language': 'en' } })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(Object.keys(body).sort(), [
    'bio', 'branch', 'category', 'id', 'latestReviews', 'name', 'online', 'photoUrl', 'price', 'rating',
    'ratingCount', 'ratingDistribution', 'title', 'verified',
  ])
  t.match(body, {
    id: eligibleId,
    name: 'أحمد المالكي',
    title: 'Corporate Lawyer',
    bio: 'Ten years of practice in commercial and labour law.',
    photoUrl: `${CONTENT_URL}consultants/eligible.jpg`,
    price: 300,
    rating: 4.67,
    ratingCount: 3,
    category: { name: 'Legal' },
    branch: { name: 'Riyadh Main Branch' },
  })
  t.same(body.ratingDistribution, { 1: 0, 2: 0, 3: 0, 4: 1, 5: 2 }, 'the hidden one-star review is not counted')
  t.same(
    body.latestReviews.map((review: Record<string, unknown>) => ({ ...review, id: undefined })),
    [
      { id: undefined, rating: 5, comment: 'مستشار ممتاز وواضح', createdAt: '2026-12-01T12:00:00+03:00', reviewerName: 'سارة' },
      { id: undefined, rating: 4, comment: 'Helpful and on time.', createdAt: '2026-11-28T12:00:00+03:00', reviewerName: 'Omar' },
      { id: undefined, rating: 5, comment: null, createdAt: '2026-11-25T12:00:00+03:00', reviewerName: 'Lina' },
    ],
    'newest first, hidden ones left out, first names only, legacy wall-clock times with the platform offset',
  )
  for (const review of body.latestReviews) t.same(Object.keys(review).sort(), ['comment', 'createdAt', 'id', 'rating', 'reviewerName'])
  t.notMatch(res.body, /Haddad|Saleh|القحطاني|Hidden by moderation|@seed\.test|\+9665/, 'no surnames, hidden text or contacts')

  const ar = (await app.inject({ url: `${BASE}/${eligibleId}`, headers: { 'accept-language': 'ar' } })).json()
  t.match(ar, { title: 'محامٍ تجاري', bio: 'عشر سنوات من الممارسة في القانون التجاري وقانون العمل.', category: { name: 'استشارات قانونية' } })
})

t.test('at most five reviews, the newest', async (t) => {
  const finance = await findScenario(prisma, 'bookableFinance')
  const reviewer = await findScenario(prisma, 'md5Customer')
  const created = await Promise.all(
    [1, 2, 3, 4, 5, 6].map((day) =>
      prisma.review.create({
        data: {
          consultantId: finance.consultantId,
          customerId: reviewer.customerId,
          rating: 3,
          comment: `day ${day}`,
          createdAt: new Date(`2026-11-0${day}T08:00:00Z`),
        },
      }),
    ),
  )
  t.teardown(() => prisma.review.deleteMany({ where: { reviewId: { in: created.map((row) => row.reviewId) } } }))
  const body = (await app.inject({ url: `${BASE}/${finance.consultantId}` })).json()
  t.same(
    body.latestReviews.map((review: { comment: string }) => review.comment),
    ['Clear advice.', 'day 6', 'day 5', 'day 4', 'day 3'],
  )
  t.same(body.ratingDistribution, { 1: 0, 2: 0, 3: 6, 4: 0, 5: 1 })
})

t.test('a legacy review with a zero Created_at is shown without a date, not a 500', async (t) => {
  const family = await findScenario(prisma, 'bookableFamily')
  const reviewer = await findScenario(prisma, 'md5Customer')
  // What the legacy application could write: MariaDB's default sql_mode (and MySQL without NO_ZERO_DATE)
  // accepts a zero date; the batch runs on one connection, so the session setting reaches the INSERT.
  await prisma.$transaction([
    prisma.$executeRawUnsafe("SET SESSION sql_mode = ''"),
    prisma.$executeRaw(Prisma.sql`INSERT INTO reviews (Customer_ID, Consultant_ID, Rating, Comment, Review_Status, Created_at)
      VALUES (${reviewer.customerId}, ${family.consultantId}, 4, 'zero date', 'Visible', '0000-00-00 00:00:00')`),
  ])
  t.teardown(() => prisma.review.deleteMany({ where: { consultantId: family.consultantId, comment: 'zero date' } }))
  const [stored] = await prisma.$queryRaw<Array<{ createdAt: string }>>(
    Prisma.sql`SELECT CAST(Created_at AS CHAR) AS createdAt FROM reviews WHERE comment = 'zero date'`,
  )
  t.equal(stored?.createdAt, '0000-00-00 00:00:00', 'the zero date is really stored')

  const res = await app.inject({ url: `${BASE}/${family.consultantId}` })
  t.equal(res.statusCode, 200)
  const reviews = res.json().latestReviews as Array<{ comment: string | null; createdAt: string | null }>
  t.same(reviews.find((review) => review.comment === 'zero date')?.createdAt, null, 'no date rather than a made-up one')
  t.equal(reviews.at(-1)?.comment, 'zero date', 'the oldest possible date sorts last')
  t.ok(reviews.length > 1, 'beside the seeded reviews')
  for (const review of reviews.filter((review) => review.comment !== 'zero date')) {
    t.match(review.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/, 'dated reviews keep their date')
  }
})

t.test('a consultant who does not exist or may not be booked is 404 in the request language', async (t) => {
  const notBookable = (Object.keys(CONSULTANT_SCENARIOS) as ConsultantScenarioName[]).filter(
    (name) => CONSULTANT_SCENARIOS[name].ineligibleReason !== null,
  )
  t.ok(notBookable.length >= 10)
  const ids = [...(await Promise.all(notBookable.map((name) => consultantIdOf(prisma, name)))), 2147483647]
  for (const id of ids) {
    const en = await app.inject({ url: `${BASE}/${id}` })
    t.equal(en.statusCode, 404, `id ${id}`)
    t.match(en.headers['content-type'], /^application\/problem\+json/)
    t.match(en.json(), { status: 404, code: 'CONSULTANTS_NOT_FOUND', title: 'Consultant not found' })
    t.notMatch(en.body, /contract|license|order|disabled/i, 'the reason is not disclosed')
    const ar = await app.inject({ url: `${BASE}/${id}`, headers: { 'accept-language': 'ar' } })
    t.equal(ar.headers['content-language'], 'ar')
    t.match(ar.json(), { code: 'CONSULTANTS_NOT_FOUND', title: 'المستشار غير موجود' })
  }
})

t.test('malformed ids are 400 problem+json', async (t) => {
  for (const id of ['0', '-1', '1e3', '99999999999999999999', '2147483648', '012', '1.5', 'abc', '%20', '1%00']) {
    const res = await app.inject({ url: `${BASE}/${id}` })
    t.equal(res.statusCode, 400, `id ${id}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { status: 400, code: 'COMMON_VALIDATION', errors: [{ path: '/params/id' }] })
  }
  // The router refuses these before any route runs (service-kit maps them to problem+json).
  const refusedByTheRouter: Array<[string, string]> = [
    [`${BASE}/%`, 'an undecodable id'],
    [`${BASE}/%E0%A4%A`, 'a broken percent escape'],
    [`${BASE}/${'1'.repeat(200)}`, 'a 200-digit id'],
    [`${BASE}/${'1'.repeat(200)}/availability?from=2026-12-06T00:00:00Z&to=2026-12-07T00:00:00Z`, 'the same on availability'],
  ]
  for (const [url, label] of refusedByTheRouter) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 400, label)
    t.match(res.headers['content-type'], /^application\/problem\+json/, label)
    t.match(res.json(), { status: 400, code: 'COMMON_BAD_REQUEST' }, label)
  }
  const res = await app.inject({ url: `${BASE}/${eligibleId}?unknown=1` })
  t.equal(res.statusCode, 400, 'no query parameters are accepted')
})
