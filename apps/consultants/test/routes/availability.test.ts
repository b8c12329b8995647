import { findScenario } from '@cp/db/seed'
import t, { type Test } from 'tap'
import { BASE, buildTestConsultants, consultantIdOf } from '../helpers/app.js'

// NOW is Wednesday 2 December 2026, 10:00 in Riyadh. The seed books the eligible consultant on the first working
// day at least two days ahead (Sunday 6 December): 10:00 Confirmed (30 min), 11:00 Pending (60 min) and
// 10:30 Cancelled. Its week is Sunday to Thursday, 09:00-13:00 and 16:00-20:00 in 30-minute slots.
const { app, prisma } = await buildTestConsultants(t)
const eligibleId = await consultantIdOf(prisma, 'eligible')

const url = (id: number | string, from: string, to: string) =>
  `${BASE}/${id}/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`

async function slotsOf(t: Test, id: number, from: string, to: string) {
  const res = await app.inject({ url: url(id, from, to) })
  t.equal(res.statusCode, 200, `${from} .. ${to}`)
  return res.json() as { consultantId: number; timeZone: string; from: string; to: string; slots: Array<{ start: string; end: string }> }
}
const times = (slots: Array<{ start: string }>) => slots.map((slot) => slot.start.slice(11, 16))
const afternoon = ['16:00', '16:30', '17:00', '17:30', '18:00', '18:30', '19:00', '19:30']

t.test('schedule minus Pending and Confirmed bookings; a Cancelled one frees its slot', async (t) => {
  const body = await slotsOf(t, eligibleId, '2026-12-06T00:00:00+03:00', '2026-12-07T00:00:00+03:00')
  t.same(Object.keys(body).sort(), ['consultantId', 'from', 'slots', 'timeZone', 'to'])
  t.match(body, { consultantId: eligibleId, timeZone: 'Asia/Riyadh', from: '2026-12-06T00:00:00+03:00', to: '2026-12-07T00:00:00+03:00' })
  t.same(times(body.slots), ['09:00', '09:30', '10:30', '12:00', '12:30', ...afternoon])
  t.same(body.slots[0], { start: '2026-12-06T09:00:00+03:00', end: '2026-12-06T09:30:00+03:00' })
})

t.test('slots that have started are gone; days off and inactive blocks have none', async (t) => {
  const today = await slotsOf(t, eligibleId, '2026-12-02T00:00:00+03:00', '2026-12-03T00:00:00+03:00')
  t.same(times(today.slots), ['10:00', '10:30', '11:00', '11:30', '12:00', '12:30', ...afternoon], 'from 10:00, now')
  const past = await slotsOf(t, eligibleId, '2026-11-29T00:00:00+03:00', '2026-12-01T00:00:00+03:00')
  t.same(past.slots, [], 'a window in the past has no slots')
  const weekend = await slotsOf(t, eligibleId, '2026-12-04T00:00:00+03:00', '2026-12-06T00:00:00+03:00')
  t.same(weekend.slots, [], 'Friday is off and the Saturday block is inactive')
})

t.test('the window is [from, to) in any offset, answered in the platform offset', async (t) => {
  const body = await slotsOf(t, eligibleId, '2026-12-06T06:15:00Z', '2026-12-06T10:00:00+02:00')
  t.same(body.slots.map((slot) => slot.start), ['2026-12-06T09:30:00+03:00', '2026-12-06T10:30:00+03:00'])
  t.match(body, { from: '2026-12-06T09:15:00+03:00', to: '2026-12-06T11:00:00+03:00' })
  const unencodedPlus = await app.inject({
    url: `${BASE}/${eligibleId}/availability?from=2026-12-06T09:00:00+03:00&to=2026-12-06T10:00:00+03:00`,
  })
  t.equal(unencodedPlus.statusCode, 200, 'a + that arrived as a space still reads as +')
  t.same(times(unencodedPlus.json().slots), ['09:00', '09:30'])
})

t.test('slot lengths come from the schedule; 31 days is the longest window', async (t) => {
  const finance = await findScenario(prisma, 'bookableFinance')
  const week = await slotsOf(t, finance.consultantId, '2026-12-06T00:00:00+03:00', '2026-12-13T00:00:00+03:00')
  t.same(
    week.slots.map((slot) => `${slot.start.slice(5, 16)}/${slot.end.slice(11, 16)}`),
    ['12-06', '12-08', '12-10'].flatMap((day) =>
      ['18:00/19:00', '19:00/20:00', '20:00/21:00', '21:00/22:00'].map((hours) => `${day}T${hours}`),
    ),
    'Sunday, Tuesday and Thursday evenings in 60-minute slots',
  )
  const month = await slotsOf(t, finance.consultantId, '2026-12-03T00:00:00+03:00', '2027-01-03T00:00:00+03:00')
  t.equal(month.slots.length, 13 * 4, 'thirteen Sundays, Tuesdays and Thursdays in 31 days')
})

t.test('a booking made after the first look takes its slot', async (t) => {
  const customer = await findScenario(prisma, 'activeCustomer')
  const booking = await prisma.appointment.create({
    data: {
      customerId: customer.customerId,
      consultantId: eligibleId,
      appointmentDate: new Date('2026-12-06T16:15:00Z'), // platform wall clock 16:15, as the legacy app writes it
      durationMinutes: 30,
      appointmentStatus: 'Pending',
    },
  })
  t.teardown(() => prisma.appointment.delete({ where: { appointmentId: booking.appointmentId } }))
  const body = await slotsOf(t, eligibleId, '2026-12-06T16:00:00+03:00', '2026-12-06T17:30:00+03:00')
  t.same(times(body.slots), ['17:00'], 'an off-grid booking blocks both slots it overlaps')
})

t.test('a legacy booking of 0 or fewer minutes still takes its slot', async (t) => {
  const customer = await findScenario(prisma, 'activeCustomer')
  const bookings = await Promise.all(
    [['16:00', 0], ['17:00', -15]].map(([time, minutes]) =>
      prisma.appointment.create({
        data: {
          customerId: customer.customerId,
          consultantId: eligibleId,
          appointmentDate: new Date(`2026-12-06T${time}:00Z`),
          durationMinutes: Number(minutes),
          appointmentStatus: 'Confirmed',
        },
      }),
    ),
  )
  t.teardown(() => prisma.appointment.deleteMany({ where: { appointmentId: { in: bookings.map((b) => b.appointmentId) } } }))
  const body = await slotsOf(t, eligibleId, '2026-12-06T16:00:00+03:00', '2026-12-06T18:00:00+03:00')
  t.same(times(body.slots), ['16:30', '17:30'], 'each holds one 30-minute slot of the schedule')
})

t.test('a consultant who may not be booked has no availability, even with a schedule', async (t) => {
  const pending = await consultantIdOf(prisma, 'pendingOrder')
  t.ok(await prisma.consultantSchedule.count({ where: { consultantId: pending } }), 'the seed gave them a week')
  for (const id of [pending, 2147483647]) {
    const res = await app.inject({ url: url(id, '2026-12-06T00:00:00+03:00', '2026-12-07T00:00:00+03:00') })
    t.equal(res.statusCode, 404)
    t.match(res.json(), { code: 'CONSULTANTS_NOT_FOUND' })
    const ar = await app.inject({
      url: url(id, '2026-12-06T00:00:00+03:00', '2026-12-07T00:00:00+03:00'),
      headers: { 'accept-language': 'ar' },
    })
    t.match(ar.json(), { title: 'المستشار غير موجود' })
  }
})

t.test('bad ranges and dates are 400 problem+json', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['2026-12-07T00:00:00+03:00', '2026-12-06T00:00:00+03:00', 'from after to'],
    ['2026-12-06T00:00:00+03:00', '2026-12-06T00:00:00+03:00', 'empty window'],
    ['2026-12-06T00:00:00+03:00', '2027-03-06T00:00:00+03:00', 'a 90-day range'],
    ['2026-12-06T00:00:00+03:00', '2027-01-06T00:01:00+03:00', '31 days and a minute'],
    ['2026-12-06T00:00:00', '2026-12-07T00:00:00', 'no offset'],
    ['2026-12-06', '2026-12-07', 'dates only'],
    ['2026-02-30T00:00:00+03:00', '2026-03-01T00:00:00+03:00', 'February 30'],
    ['2026-12-06T24:00:00+03:00', '2026-12-07T01:00:00+03:00', 'hour 24'],
    ['2026-12-06T00:00:00+15:00', '2026-12-07T00:00:00+03:00', 'offset beyond +14:00'],
    ['now', 'tomorrow', 'words'],
    ['1733443200', '1733529600', 'epoch seconds'],
  ]
  for (const [from, to, label] of cases) {
    const res = await app.inject({ url: url(eligibleId, from, to) })
    t.equal(res.statusCode, 400, label)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: /^\/query\/(from|to)$/ }] }, label)
  }
  const exactly31 = await app.inject({ url: url(eligibleId, '2026-12-06T00:00:00+03:00', '2027-01-06T00:00:00+03:00') })
  t.equal(exactly31.statusCode, 200, 'exactly 31 days is allowed')
  for (const query of ['from=2026-12-06T00:00:00%2B03:00', 'to=2026-12-06T00:00:00%2B03:00', '']) {
    const res = await app.inject({ url: `${BASE}/${eligibleId}/availability?${query}` })
    t.equal(res.statusCode, 400, `missing bound: ${query || 'both'}`)
  }
  const extra = await app.inject({ url: `${url(eligibleId, '2026-12-06T00:00:00Z', '2026-12-07T00:00:00Z')}&slot=60` })
  t.equal(extra.statusCode, 400, 'unknown query parameter')
  for (const id of ['0', '-1', '1e3', '99999999999999999999']) {
    const res = await app.inject({ url: url(id, '2026-12-06T00:00:00Z', '2026-12-07T00:00:00Z') })
    t.equal(res.statusCode, 400, `id ${id}`)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: '/params/id' }] })
  }
})

t.test('no slot runs past the end of the contract or the license', async (t) => {
  // bookableFinance works Sunday, Tuesday and Thursday evenings, 18:00-22:00 in 60-minute slots.
  const finance = await consultantIdOf(prisma, 'bookableFinance')
  const [contract] = await prisma.consultantContract.findMany({ where: { consultantId: finance } })
  const [license] = await prisma.consultantLicense.findMany({ where: { consultantId: finance } })
  if (!contract || !license) throw new Error('the seed gives bookableFinance a contract and a license')
  t.teardown(async () => {
    await prisma.consultantContract.update({ where: { contractId: contract.contractId }, data: { endDate: contract.endDate } })
    await prisma.consultantLicense.update({ where: { licenseId: license.licenseId }, data: { expiryDate: license.expiryDate } })
  })

  // The contract's last day is Saturday 5 December, three days after NOW.
  await prisma.consultantContract.update({
    where: { contractId: contract.contractId },
    data: { endDate: new Date('2026-12-05T00:00:00Z') },
  })
  const later = await slotsOf(t, finance, '2026-12-07T00:00:00+03:00', '2026-12-10T00:00:00+03:00')
  t.same(later.slots, [], 'a window five to seven days ahead is after the contract: 200 with no slots')
  const straddling = await slotsOf(t, finance, '2026-12-03T00:00:00+03:00', '2026-12-10T00:00:00+03:00')
  t.same(
    [...new Set(straddling.slots.map((slot) => slot.start.slice(0, 10)))],
    ['2026-12-03'],
    'only the Thursday before the contract ends keeps its slots',
  )

  // The license's last day is Sunday 6 December: its evening is still offered, up to midnight, Tuesday's not.
  await prisma.consultantContract.update({ where: { contractId: contract.contractId }, data: { endDate: contract.endDate } })
  await prisma.consultantLicense.update({
    where: { licenseId: license.licenseId },
    data: { expiryDate: new Date('2026-12-06T00:00:00Z') },
  })
  const byLicense = await slotsOf(t, finance, '2026-12-06T00:00:00+03:00', '2026-12-10T00:00:00+03:00')
  t.same(times(byLicense.slots), ['18:00', '19:00', '20:00', '21:00'])
  t.equal(byLicense.slots.at(-1)?.end, '2026-12-06T22:00:00+03:00')
})

t.test('from and to must lie between 2000-01-01T00:00:00Z and 3000-01-01T00:00:00Z', async (t) => {
  const outside: Array<[string, string, string, string]> = [
    ['0999-12-06T00:00:00+03:00', '0999-12-07T00:00:00+03:00', '/query/from', 'a year below 1000'],
    ['9999-12-30T00:00:00Z', '9999-12-31T23:00:00Z', '/query/from', 'year 9999 (would print as +010000)'],
    ['1890-01-05T00:00:00+03:00', '1890-01-06T00:00:00+03:00', '/query/from', 'before 1900: local mean time offsets'],
    ['1999-12-31T23:59:59Z', '2000-01-01T12:00:00Z', '/query/from', 'a second before the range'],
    ['2999-12-31T12:00:00Z', '3000-01-01T00:00:01Z', '/query/to', 'a second after it'],
  ]
  for (const [from, to, path, label] of outside) {
    const res = await app.inject({ url: url(eligibleId, from, to) })
    t.equal(res.statusCode, 400, label)
    t.match(res.headers['content-type'], /^application\/problem\+json/, label)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path }] }, label)
  }
  const edges = await slotsOf(t, eligibleId, '2999-12-31T00:00:00Z', '3000-01-01T00:00:00Z')
  t.match(edges, { from: '2999-12-31T03:00:00+03:00', to: '3000-01-01T03:00:00+03:00', slots: [] }, 'the last day is allowed')
  const first = await slotsOf(t, eligibleId, '2000-01-01T00:00:00Z', '2000-01-02T00:00:00Z')
  t.match(first, { from: '2000-01-01T03:00:00+03:00', slots: [] }, 'so is the first')
})
