import t from 'tap'
import { addDays, calendarDateIn, calendarDateOfDateColumn, startOfDayIn } from '../src/calendar-date.js'
import { isValidTimeZone } from '../src/zoned-time.js'

t.test('a DATE column is read by its UTC fields, as Prisma returns it', async (t) => {
  t.equal(calendarDateOfDateColumn(new Date('2025-06-15T00:00:00Z')), '2025-06-15')
  t.equal(calendarDateOfDateColumn(new Date('2025-06-15T23:59:59Z')), '2025-06-15')
  t.equal(calendarDateOfDateColumn(new Date(Number.NaN)), undefined, 'an invalid Date has no day')
})

t.test('calendarDateIn gives the wall-clock day of the zone', async (t) => {
  const instant = new Date('2025-06-14T21:30:00Z')
  t.equal(calendarDateIn(instant, 'UTC'), '2025-06-14')
  t.equal(calendarDateIn(instant, 'Asia/Riyadh'), '2025-06-15', 'UTC+3 is already on the next day')
  t.equal(calendarDateIn(new Date('2025-01-01T03:00:00Z'), 'America/New_York'), '2024-12-31', 'and back across a year')
  t.throws(() => calendarDateIn(instant, 'Mars/Olympus_Mons'), RangeError)
})

t.test('isValidTimeZone checks IANA names', async (t) => {
  t.equal(isValidTimeZone('Asia/Riyadh'), true)
  t.equal(isValidTimeZone('UTC'), true)
  t.equal(isValidTimeZone('Mars/Olympus_Mons'), false)
  t.equal(isValidTimeZone(''), false)
})

t.test('addDays moves across month, year and leap-day boundaries', async (t) => {
  t.equal(addDays('2025-06-15', 1), '2025-06-16')
  t.equal(addDays('2025-06-30', 1), '2025-07-01')
  t.equal(addDays('2024-12-31', 1), '2025-01-01')
  t.equal(addDays('2024-02-28', 1), '2024-02-29')
  t.equal(addDays('2025-02-28', 1), '2025-03-01')
  t.equal(addDays('2025-03-01', -1), '2025-02-28')
})

t.test('startOfDayIn finds the first instant of the local day', async (t) => {
  t.equal(startOfDayIn('2025-06-15', 'UTC').toISOString(), '2025-06-15T00:00:00.000Z')
  t.equal(startOfDayIn('2025-06-15', 'Asia/Riyadh').toISOString(), '2025-06-14T21:00:00.000Z')
  t.equal(startOfDayIn('2025-06-15', 'America/New_York').toISOString(), '2025-06-15T04:00:00.000Z', 'EDT')
  t.equal(startOfDayIn('2025-01-15', 'America/New_York').toISOString(), '2025-01-15T05:00:00.000Z', 'EST')
  t.equal(startOfDayIn('2025-03-30', 'Europe/London').toISOString(), '2025-03-30T00:00:00.000Z', 'DST change day')
  t.equal(startOfDayIn('2025-03-31', 'Europe/London').toISOString(), '2025-03-30T23:00:00.000Z', 'after it')
  t.equal(startOfDayIn('2025-01-01', 'Pacific/Kiritimati').toISOString(), '2024-12-31T10:00:00.000Z', 'UTC+14')
  t.equal(startOfDayIn('2025-01-01', 'Etc/GMT+12').toISOString(), '2025-01-01T12:00:00.000Z', 'UTC-12')
})

t.test('startOfDayIn handles a DST change that skips midnight', async (t) => {
  // Havana moved clocks from 00:00 straight to 01:00 on 2023-03-12, so that day began at 01:00 CDT.
  t.equal(startOfDayIn('2023-03-12', 'America/Havana').toISOString(), '2023-03-12T05:00:00.000Z')
  t.equal(calendarDateIn(new Date('2023-03-12T04:59:59.999Z'), 'America/Havana'), '2023-03-11')
})

/** The day and the start of the day as Intl tells them, without the remembered offsets: what both must agree with. */
function intlOracle(timeZone: string) {
  const formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const dayAt = (ms: number) => {
    const parts = formatter.formatToParts(ms)
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
    return `${part('year')}-${part('month')}-${part('day')}`
  }
  const startOf = (date: string) => {
    let before = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000
    let atOrAfter = Date.parse(`${date}T00:00:00Z`) + 13 * 3_600_000
    while (atOrAfter - before > 1) {
      const middle = Math.floor((before + atOrAfter) / 2)
      if (dayAt(middle) >= date) atOrAfter = middle
      else before = middle
    }
    return atOrAfter
  }
  return { dayAt, startOf }
}

t.test('day and start of day agree with Intl through years of transitions', async (t) => {
  const cases: Array<[string, number]> = [
    ['America/Havana', 2023], ['America/Santiago', 2023], ['America/New_York', 2023], ['Australia/Lord_Howe', 2023],
    ['Pacific/Chatham', 2023], ['Pacific/Apia', 2011], ['Asia/Riyadh', 2023],
  ]
  let disagreements = 0
  let checked = 0
  for (const [timeZone, year] of cases) {
    const oracle = intlOracle(timeZone)
    for (let date = `${year}-01-01`; date < `${year + 1}-01-01`; date = addDays(date, 1)) {
      const start = oracle.startOf(date)
      checked += 1
      if (startOfDayIn(date, timeZone).getTime() !== start) disagreements += 1
      for (const ms of [start - 1, start, start + 5 * 3_600_000 + 1]) {
        if (calendarDateIn(new Date(ms), timeZone) !== oracle.dayAt(ms)) disagreements += 1
      }
    }
  }
  t.equal(disagreements, 0, `${checked} days`)
})
