import { Prisma } from '@cp/db'
import { VOLUME_EMAIL_DOMAIN } from '@cp/db/seed'
import { bearer } from '@cp/service-kit/testing'
import t from 'tap'
import { BASE, buildTestConsultants } from '../helpers/app.js'
import { consultantToken } from '../helpers/tokens.js'

// The list has its own volume test (query-plans.test.ts); this one checks that the other routes read volume rows
// (legacy-shaped data made by a different writer than the scenario seed) without a 500 or a mismatch with the list.
const { app, prisma } = await buildTestConsultants(t, { volume: { customers: 2000, consultants: 200 } })

const volumeConsultants = await prisma.$queryRaw<Array<{ consultantId: number; customerId: number }>>(Prisma.sql`
  SELECT c.Consultant_ID AS consultantId, c.Customer_ID AS customerId FROM consultants c
  JOIN customers a ON a.Customer_ID = c.Customer_ID
  WHERE a.Email LIKE ${`%@${VOLUME_EMAIL_DOMAIN}`} ORDER BY c.Consultant_ID`)

async function listedIds(): Promise<Set<number>> {
  const ids = new Set<number>()
  for (let page = 1; ; page += 1) {
    const body = (await app.inject({ url: `${BASE}?pageSize=100&page=${page}` })).json()
    for (const item of body.items as Array<{ id: number }>) ids.add(item.id)
    if (page >= body.totalPages) return ids
  }
}

// Sunday 6 to Sunday 13 December 2026: a working week after NOW, inside the seeded contracts of most consultants.
const week = `from=${encodeURIComponent('2026-12-06T00:00:00+03:00')}&to=${encodeURIComponent('2026-12-13T00:00:00+03:00')}`

t.test('profile, availability and /me agree with the list for every volume consultant', async (t) => {
  t.equal(volumeConsultants.length, 200)
  const listed = await listedIds()
  const bookable = volumeConsultants.filter((row) => listed.has(row.consultantId))
  t.ok(bookable.length > 100 && bookable.length < 200, `many are bookable, some not (${bookable.length} of 200)`)
  let withSlots = 0
  let withReviews = 0
  for (const { consultantId, customerId } of volumeConsultants) {
    const isListed = listed.has(consultantId)
    const profile = await app.inject({ url: `${BASE}/${consultantId}` })
    t.equal(profile.statusCode, isListed ? 200 : 404, `profile ${consultantId}`)
    if (isListed) {
      t.equal(profile.json().id, consultantId)
      if (profile.json().latestReviews.length > 0) withReviews += 1
    }

    const availability = await app.inject({ url: `${BASE}/${consultantId}/availability?${week}` })
    t.equal(availability.statusCode, isListed ? 200 : 404, `availability ${consultantId}`)
    if (isListed && availability.json().slots.length > 0) withSlots += 1

    const own = await app.inject({ url: `${BASE}/me`, headers: bearer(consultantToken({ customerId, consultantId })) })
    t.equal(own.statusCode, isListed ? 200 : 403, `/me ${consultantId}`)
    if (isListed) t.match(own.json(), { id: consultantId, eligibility: { eligible: true } })
    else t.match(own.json(), { code: /^AUTH_CONSULTANT_/ })
  }
  t.ok(withSlots > bookable.length / 2, `most bookable consultants have free slots that week (${withSlots})`)
  t.ok(withReviews > 0, `some have reviews (${withReviews})`)
})

t.test('free slots of a volume consultant never overlap their Pending or Confirmed bookings', async (t) => {
  const bookings = await prisma.$queryRaw<Array<{ consultantId: number }>>(Prisma.sql`
    SELECT p.Consultant_ID AS consultantId FROM appointments p
    WHERE p.Consultant_ID IN (${Prisma.join(volumeConsultants.map((row) => row.consultantId))})
      AND p.Appointment_Status IN ('Pending', 'Confirmed') AND p.Appointment_Date > '2026-12-02 10:00:00'
    GROUP BY p.Consultant_ID`)
  t.ok(bookings.length > 10, 'volume consultants have future bookings')
  let checked = 0
  for (const { consultantId } of bookings) {
    const month = `from=${encodeURIComponent('2026-12-02T00:00:00+03:00')}&to=${encodeURIComponent('2027-01-02T00:00:00+03:00')}`
    const res = await app.inject({ url: `${BASE}/${consultantId}/availability?${month}` })
    if (res.statusCode === 404) continue
    t.equal(res.statusCode, 200)
    const held = await prisma.$queryRaw<Array<{ start: string; minutes: number }>>(Prisma.sql`
      SELECT CAST(Appointment_Date AS CHAR) AS start, Duration_Minutes AS minutes FROM appointments
      WHERE Consultant_ID = ${consultantId} AND Appointment_Status IN ('Pending', 'Confirmed')`)
    // Riyadh has no daylight saving: the wall clock is UTC+3 all year.
    const intervals = held.map((row) => {
      const start = Date.parse(`${row.start.replace(' ', 'T')}+03:00`)
      return [start, start + row.minutes * 60_000] as const
    })
    for (const slot of res.json().slots as Array<{ start: string; end: string }>) {
      const [start, end] = [Date.parse(slot.start), Date.parse(slot.end)]
      const overlapping = intervals.filter(([from, to]) => from < end && start < to)
      if (overlapping.length > 0) t.fail(`slot ${slot.start} of ${consultantId} overlaps a booking`)
    }
    checked += 1
  }
  t.ok(checked > 10, `checked ${checked} consultants`)
})
