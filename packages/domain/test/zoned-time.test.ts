import t from 'tap'
import {
  formatInZone,
  formatWallClock,
  fromWallClock,
  parseInstantWithOffset,
  toWallClock,
  wallClockAt,
  wallClockOfDatetimeText,
  zoneOffsetMinutes,
} from '../src/zoned-time.js'

const at = (iso: string) => new Date(iso)

t.test('offsets, including half hours, negative zones and UTC', async (t) => {
  t.equal(zoneOffsetMinutes(at('2026-12-02T07:00:00Z'), 'Asia/Riyadh'), 180)
  t.equal(zoneOffsetMinutes(at('2026-12-02T07:00:00Z'), 'Asia/Kolkata'), 330)
  t.equal(zoneOffsetMinutes(at('2026-12-02T07:00:00Z'), 'America/St_Johns'), -210)
  t.equal(zoneOffsetMinutes(at('2026-07-02T07:00:00Z'), 'America/New_York'), -240)
  t.equal(zoneOffsetMinutes(at('2026-12-02T07:00:00Z'), 'UTC'), 0)
})

t.test('ISO 8601 in the zone, to the second', async (t) => {
  t.equal(formatInZone(at('2026-12-02T07:00:00.900Z'), 'Asia/Riyadh'), '2026-12-02T10:00:00+03:00')
  t.equal(formatInZone(at('2026-12-02T01:00:00Z'), 'America/St_Johns'), '2026-12-01T21:30:00-03:30')
  t.equal(formatInZone(at('2026-12-02T07:00:00Z'), 'UTC'), '2026-12-02T07:00:00+00:00')
  t.equal(formatInZone(at('2026-12-31T22:00:00Z'), 'Asia/Riyadh'), '2027-01-01T01:00:00+03:00', 'across a year')
})

t.test('wall clocks and instants both ways', async (t) => {
  t.same(toWallClock(at('2026-12-02T07:00:00Z'), 'Asia/Riyadh'), at('2026-12-02T10:00:00Z'))
  t.same(fromWallClock(at('2026-12-02T10:00:00Z'), 'Asia/Riyadh'), at('2026-12-02T07:00:00Z'))
  t.same(wallClockAt('2026-12-02', 9 * 60 + 30), at('2026-12-02T09:30:00Z'))
  // New York springs forward at 02:00 on 8 March 2026: 02:30 does not exist there.
  t.equal(fromWallClock(at('2026-03-08T02:30:00Z'), 'America/New_York'), undefined, 'inside the gap')
  t.same(fromWallClock(at('2026-03-08T03:30:00Z'), 'America/New_York'), at('2026-03-08T07:30:00Z'), 'after the gap')
  // ...and falls back at 02:00 on 1 November 2026: 01:30 happens twice; the earlier one is taken.
  t.same(fromWallClock(at('2026-11-01T01:30:00Z'), 'America/New_York'), at('2026-11-01T05:30:00Z'), 'repeated hour')
  t.equal(
    formatWallClock('2026-03-08 02:30:00', 'America/New_York'),
    '2026-03-08T03:30:00-04:00',
    'a stored reading inside the gap is still shown, at the offset around it',
  )
  t.equal(formatWallClock('2026-12-01 12:00:00', 'Asia/Riyadh'), '2026-12-01T12:00:00+03:00')
})

t.test('legacy DATETIME text: zero and partly zero dates name no moment', async (t) => {
  t.same(wallClockOfDatetimeText('2026-12-01 09:30:15'), at('2026-12-01T09:30:15Z'))
  t.same(wallClockOfDatetimeText('2026-12-01 09:30:15.250'), at('2026-12-01T09:30:15Z'), 'fractions dropped')
  t.same(wallClockOfDatetimeText('1000-01-01 00:00:00'), at('1000-01-01T00:00:00Z'))
  for (const text of [
    '0000-00-00 00:00:00', '2026-00-15 10:00:00', '2026-12-00 10:00:00', '2026-02-30 10:00:00', '0999-12-31 23:59:59',
    '2026-12-01T09:30:15', '2026-12-01', '', null,
  ]) {
    t.equal(wallClockOfDatetimeText(text), undefined, JSON.stringify(text))
    t.equal(formatWallClock(text, 'Asia/Riyadh'), null, JSON.stringify(text))
  }
})

t.test('date-times with a zone only, and only real ones', async (t) => {
  t.same(parseInstantWithOffset('2026-12-06T09:00:00+03:00'), at('2026-12-06T06:00:00Z'))
  t.same(parseInstantWithOffset('2026-12-06T09:00+03:00'), at('2026-12-06T06:00:00Z'), 'seconds optional')
  t.same(parseInstantWithOffset('2026-12-06T06:00:00.250Z'), at('2026-12-06T06:00:00.250Z'))
  t.same(parseInstantWithOffset('2026-12-06t06:00:00z'), at('2026-12-06T06:00:00Z'), 'lower-case T and Z')
  t.same(parseInstantWithOffset('2026-12-06T09:00:00 03:00'), at('2026-12-06T06:00:00Z'), 'a + decoded as space')
  t.same(parseInstantWithOffset('2026-12-06T00:00:00-03:30'), at('2026-12-06T03:30:00Z'))
  t.same(parseInstantWithOffset('2028-02-29T00:00:00Z'), at('2028-02-29T00:00:00Z'), 'a leap day')
  for (const text of [
    '2026-12-06T09:00:00', '2026-12-06', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-12-32T00:00:00Z',
    '2026-12-06T24:00:00Z', '2026-12-06T23:60:00Z', '2026-12-06T23:59:60Z', '2026-12-06T00:00:00+14:60',
    '2026-12-06T00:00:00+15:00', '0099-12-06T00:00:00Z', '2026-12-06T00:00:00+0300', ' 2026-12-06T00:00:00Z', '',
  ]) {
    t.equal(parseInstantWithOffset(text), undefined, JSON.stringify(text))
  }
})

// Zones with DST, half-hour DST (Lord Howe), 45-minute offsets (Chatham), midnight gaps (Havana, Santiago),
// a zone that changed its standard offset (Pacific/Apia skipped 30 December 2011) and one with local mean time.
const ZONES = [
  'Asia/Riyadh', 'America/New_York', 'Europe/London', 'America/Havana', 'America/Santiago', 'Australia/Lord_Howe',
  'Pacific/Chatham', 'Pacific/Apia', 'Asia/Kathmandu', 'America/St_Johns', 'UTC',
]

const oracles = new Map(ZONES.map((timeZone) => [timeZone, new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })]))

/** The offset as Intl tells it, asked afresh every time: what the remembered hours must agree with. */
function intlOffsetMinutes(instant: Date, timeZone: string): number {
  const name = oracles
    .get(timeZone)
    ?.formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value
  const match = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60
  return match[1] === '-' ? -minutes : minutes
}

t.test('remembered offsets agree with Intl, at every minute around each transition', async (t) => {
  let checked = 0
  let disagreements = 0
  for (const timeZone of ZONES) {
    // Through 2011 and 2023 every three hours and a bit, so every hour of the day comes up, visited backwards.
    for (const year of [2011, 2023]) {
      const start = Date.UTC(year, 0, 1)
      const end = Date.UTC(year + 1, 0, 1)
      for (let ms = end - 1; ms >= start; ms -= 3 * 3_600_000 + 7 * 60_000 + 13_000) {
        const instant = new Date(ms)
        checked += 1
        if (zoneOffsetMinutes(instant, timeZone) !== intlOffsetMinutes(instant, timeZone)) disagreements += 1
      }
    }
    // The minutes on each side of every transition, found by Intl itself.
    for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2024, 0, 1); ms += 3_600_000) {
      if (intlOffsetMinutes(new Date(ms), timeZone) === intlOffsetMinutes(new Date(ms + 3_600_000), timeZone)) continue
      for (let minute = ms; minute <= ms + 3_600_000; minute += 60_000) {
        for (const instant of [new Date(minute - 1), new Date(minute)]) {
          checked += 1
          if (zoneOffsetMinutes(instant, timeZone) !== intlOffsetMinutes(instant, timeZone)) disagreements += 1
        }
      }
    }
  }
  t.equal(disagreements, 0, `${checked} instants`)
})

t.test('local mean time, before a zone had standard time, keeps its seconds', async (t) => {
  t.equal(zoneOffsetMinutes(at('1900-01-01T00:00:00Z'), 'Asia/Riyadh'), 186 + 52 / 60)
  t.equal(formatInZone(at('1900-01-01T00:00:00Z'), 'Asia/Riyadh'), '1900-01-01T03:07:00+03:07', 'shown to the minute, wall clock and offset alike')
})

t.test('an invalid instant is an error, not an offset', async (t) => {
  t.throws(() => zoneOffsetMinutes(new Date(Number.NaN), 'Asia/Riyadh'), RangeError)
})
