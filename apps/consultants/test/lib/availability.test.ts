import t from 'tap'
import { freeSlots, minuteOfTimeColumn, type ScheduleBlock } from '../../src/lib/availability.js'

const RIYADH = 'Asia/Riyadh'
const at = (iso: string) => new Date(iso)
const hhmm = (hours: number, minutes = 0) => hours * 60 + minutes
// Sunday 6 December 2026 in Riyadh.
const sunday = { from: at('2026-12-06T00:00:00+03:00'), to: at('2026-12-07T00:00:00+03:00'), now: at('2026-12-01T00:00:00Z') }
const morning: ScheduleBlock = { dayOfWeek: 0, startMinute: hhmm(9), endMinute: hhmm(11), slotMinutes: 30 }
const starts = (slots: Array<{ start: Date }>) => slots.map((slot) => slot.start.toISOString().slice(11, 16))

t.test('a block is cut into whole slots on its weekday', async (t) => {
  const slots = freeSlots({ ...sunday, timeZone: RIYADH, schedule: [morning], bookings: [] })
  t.same(starts(slots), ['06:00', '06:30', '07:00', '07:30'], 'UTC instants of 09:00..10:30 Riyadh')
  t.same(slots[0], { start: at('2026-12-06T06:00:00Z'), end: at('2026-12-06T06:30:00Z') })
  const ragged = freeSlots({ ...sunday, timeZone: RIYADH, schedule: [{ ...morning, slotMinutes: 45 }], bookings: [] })
  t.same(starts(ragged), ['06:00', '06:45'], 'a slot that would end after the block is not offered')
  const monday = freeSlots({ ...sunday, timeZone: RIYADH, schedule: [{ ...morning, dayOfWeek: 1 }], bookings: [] })
  t.same(monday, [])
})

t.test('unusable legacy blocks yield nothing instead of looping or throwing', async (t) => {
  for (const block of [
    { ...morning, slotMinutes: 0 },
    { ...morning, slotMinutes: -30 },
    { ...morning, startMinute: hhmm(11), endMinute: hhmm(9) },
    { ...morning, endMinute: morning.startMinute },
    { ...morning, startMinute: -30 },
    { ...morning, endMinute: hhmm(25) },
  ]) {
    t.same(freeSlots({ ...sunday, timeZone: RIYADH, schedule: [block], bookings: [] }), [], JSON.stringify(block))
  }
})

t.test('overlapping blocks give each start once, in order', async (t) => {
  const schedule = [{ ...morning, startMinute: hhmm(10) }, morning, { ...morning, startMinute: hhmm(8), endMinute: hhmm(9) }]
  const slots = freeSlots({ ...sunday, timeZone: RIYADH, schedule, bookings: [] })
  t.same(starts(slots), ['05:00', '05:30', '06:00', '06:30', '07:00', '07:30'])
})

t.test('bookings block every slot they overlap, from wall-clock times', async (t) => {
  const slots = freeSlots({
    ...sunday,
    timeZone: RIYADH,
    schedule: [morning],
    bookings: [
      { start: at('2026-12-06T09:15:00Z'), durationMinutes: 30 }, // 09:15-09:45 Riyadh: two slots
      { start: at('2026-12-05T23:00:00Z'), durationMinutes: 30 }, // another day
    ],
  })
  t.same(starts(slots), ['07:00', '07:30'])
})

t.test('a booking without a positive length holds a slot of its block, else the column default of 30 minutes', async (t) => {
  const afternoon: ScheduleBlock = { dayOfWeek: 0, startMinute: hhmm(14), endMinute: hhmm(16), slotMinutes: 60 }
  const slots = freeSlots({
    ...sunday,
    timeZone: RIYADH,
    schedule: [morning, afternoon],
    bookings: [
      { start: at('2026-12-06T08:45:00Z'), durationMinutes: 0 }, // before any block: 08:45-09:15
      { start: at('2026-12-06T10:00:00Z'), durationMinutes: -5 }, // the morning's 30 minutes: 10:00-10:30
      { start: at('2026-12-06T14:30:00Z'), durationMinutes: 0 }, // the afternoon's 60 minutes: 14:30-15:30
    ],
  })
  t.same(starts(slots), ['06:30', '07:30'], '09:30 and 10:30 Riyadh; both afternoon slots are taken')
})

t.test('the window and the clock bound the slots', async (t) => {
  const within = freeSlots({
    from: at('2026-12-06T09:30:00+03:00'),
    to: at('2026-12-06T10:30:00+03:00'),
    now: sunday.now,
    timeZone: RIYADH,
    schedule: [morning],
    bookings: [],
  })
  t.same(starts(within), ['06:30', '07:00'], 'starts in [from, to)')
  const later = freeSlots({ ...sunday, now: at('2026-12-06T09:31:00+03:00'), timeZone: RIYADH, schedule: [morning], bookings: [] })
  t.same(starts(later), ['07:00', '07:30'], 'a slot that started a minute ago is gone')
})

t.test('a slot must end by the end of eligibility', async (t) => {
  const until = (iso: string) =>
    starts(freeSlots({ ...sunday, notAfter: at(iso), timeZone: RIYADH, schedule: [morning], bookings: [] }))
  t.same(until('2026-12-06T10:00:00+03:00'), ['06:00', '06:30'], 'the slot ending exactly then is kept')
  t.same(until('2026-12-06T09:59:00+03:00'), ['06:00'], 'one that would end a minute later is not')
  t.same(until('2026-12-06T09:00:00+03:00'), [])
})

t.test('daylight saving: days follow the zone, a missing wall-clock time is skipped', async (t) => {
  // New York, Sunday 8 March 2026: 02:00-03:00 does not exist.
  const night: ScheduleBlock = { dayOfWeek: 0, startMinute: hhmm(1), endMinute: hhmm(4), slotMinutes: 60 }
  const slots = freeSlots({
    from: at('2026-03-08T00:00:00-05:00'),
    to: at('2026-03-09T00:00:00-04:00'),
    now: at('2026-01-01T00:00:00Z'),
    timeZone: 'America/New_York',
    schedule: [night],
    bookings: [],
  })
  t.same(slots.map((slot) => slot.start.toISOString()), ['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z'])
})

t.test('TIME columns as Prisma reads them', async (t) => {
  t.equal(minuteOfTimeColumn(at('1970-01-01T09:30:00Z')), 570)
  t.equal(minuteOfTimeColumn(at('1970-01-02T00:00:00Z')), 1440, "'24:00:00' is the end of the day")
})
