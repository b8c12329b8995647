/** A day on the calendar, `YYYY-MM-DD`; compares correctly as a string. */
export type CalendarDate = string

const HOUR_MS = 3_600_000
const formatters = new Map<string, Intl.DateTimeFormat>()

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is a configuration error worth failing loudly on.
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Whether `timeZone` is an IANA zone this runtime knows; for validating configuration at start-up. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    dateFormatter(timeZone)
    return true
  } catch {
    return false
  }
}

/**
 * The day a legacy `DATE` column holds. Prisma returns `@db.Date` as a Date at UTC midnight, so the UTC fields are
 * the stored day. `undefined` for an invalid Date (a zero date read from a legacy row).
 */
export function calendarDateOfDateColumn(value: Date): CalendarDate | undefined {
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10)
}

/** The day it is at `instant` on the wall clocks of `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const parts = dateFormatter(timeZone).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR_MS
  return new Date(utcMidnight).toISOString().slice(0, 10)
}

/**
 * The first instant of `date` in `timeZone`. Usually local midnight, but where a DST change skips midnight
 * (America/Havana, America/Santiago) the day starts at 01:00; a search over the instant finds it in every zone.
 */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
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
