import { fromWallClock, wallClockAt, zoneOffsetMinutes } from './zoned-time.js'

/** A day on the calendar, `YYYY-MM-DD`; compares correctly as a string. */
export type CalendarDate = string

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

/**
 * The day a legacy `DATE` column holds. Prisma returns `@db.Date` as a Date at UTC midnight, so the UTC fields are
 * the stored day. `undefined` for an invalid Date (a zero date read from a legacy row).
 */
export function calendarDateOfDateColumn(value: Date): CalendarDate | undefined {
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10)
}

/** The day it is at `instant` on the wall clocks of `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const wallMs = instant.getTime() + zoneOffsetMinutes(instant, timeZone) * MINUTE_MS
  return new Date(wallMs).toISOString().slice(0, 10)
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR_MS
  return new Date(utcMidnight).toISOString().slice(0, 10)
}

/**
 * The first instant of `date` in `timeZone`: local midnight, the earlier one where midnight happens twice. Where a DST
 * change skips midnight (America/Havana, America/Santiago) the day starts when the clocks jump, at 01:00; a search
 * over the instants finds it.
 */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
  const midnight = fromWallClock(wallClockAt(date, 0), timeZone)
  if (midnight) return midnight
  const utcMidnight = Date.parse(`${date}T00:00:00Z`)
  // Zone offsets lie within -12h..+14h, so local midnight lies inside this range of instants.
  let before = utcMidnight - 15 * HOUR_MS
  let atOrAfter = utcMidnight + 13 * HOUR_MS
  while (atOrAfter - before > 1) {
    const middle = Math.floor((before + atOrAfter) / 2)
    if (calendarDateIn(new Date(middle), timeZone) >= date) atOrAfter = middle
    else before = middle
  }
  return new Date(atOrAfter)
}
