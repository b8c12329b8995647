import type { CalendarDate } from './calendar-date.js'

/*
 * Wall-clock time in an IANA zone and instants, both ways. Every conversion goes through one question, the zone's
 * offset at an instant, which Intl answers slowly (formatToParts, a few microseconds, and it ran at 1-4% of a
 * request's CPU in a profile). So it is asked once per zone and UTC hour: when the offset is the same at both
 * ends of the hour, no transition lies inside it (no zone changes its offset twice within an hour) and the hour is
 * remembered; an hour holding a transition is asked about each time.
 */

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000
/** Remembered hours per zone before the memory starts over: about a year of hours, a few hundred kilobytes. */
const MAX_REMEMBERED_HOURS = 10_000

interface Zone {
  readonly formatter: Intl.DateTimeFormat
  readonly offsetOfHour: Map<number, number>
}

const zones = new Map<string, Zone>()

function zoneNamed(timeZone: string): Zone {
  let zone = zones.get(timeZone)
  if (!zone) {
    // Throws RangeError for an unknown zone, which is a configuration error worth failing loudly on.
    zone = { formatter: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }), offsetOfHour: new Map() }
    zones.set(timeZone, zone)
  }
  return zone
}

/** Whether `timeZone` is an IANA zone this runtime knows; for validating configuration at start-up. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneNamed(timeZone)
    return true
  } catch {
    return false
  }
}

// `GMT` alone is UTC; otherwise `GMT+03:00`, `GMT-09:30`, and for local mean time before standard time
// `GMT+03:06:52`.
const OFFSET_NAME = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/

function askIntl(zone: Zone, ms: number): number {
  const name = zone.formatter.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value
  const match = OFFSET_NAME.exec(name ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60
  return match[1] === '-' ? -minutes : minutes
}

/**
 * Minutes `timeZone` is ahead of UTC at `instant` (180 for Asia/Riyadh); a fraction only for local mean time,
 * before a zone had standard time (Asia/Riyadh until 1947: 186 52/60).
 */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const zone = zoneNamed(timeZone)
  const ms = instant.getTime()
  // An invalid Date: Intl throws a RangeError, as it always did here.
  if (!Number.isFinite(ms)) return askIntl(zone, ms)
  const hour = Math.floor(ms / HOUR_MS)
  const remembered = zone.offsetOfHour.get(hour)
  if (remembered !== undefined) return remembered
  const atStart = askIntl(zone, hour * HOUR_MS)
  if (atStart !== askIntl(zone, (hour + 1) * HOUR_MS - 1)) return askIntl(zone, ms)
  if (zone.offsetOfHour.size >= MAX_REMEMBERED_HOURS) zone.offsetOfHour.clear()
  zone.offsetOfHour.set(hour, atStart)
  return atStart
}

/**
 * A zone-less legacy DATETIME value as Prisma hands it over: a Date whose UTC fields are the platform's wall clock.
 * The same shape is what queries must pass for those columns.
 */
export type WallClock = Date

/** The wall-clock reading in `timeZone` at `instant`, as a {@link WallClock}. */
export function toWallClock(instant: Date, timeZone: string): WallClock {
  return new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * MINUTE_MS)
}

/**
 * The instant a wall-clock reading in `timeZone` denotes, or `undefined` when that reading does not exist there
 * (inside a daylight-saving gap). In a repeated hour the earlier instant wins.
 */
export function fromWallClock(wall: WallClock, timeZone: string): Date | undefined {
  const wallMs = wall.getTime()
  // Two passes settle the offset even when the first guess lands on the other side of a transition.
  const firstGuess = wallMs - zoneOffsetMinutes(new Date(wallMs), timeZone) * MINUTE_MS
  const candidates = [firstGuess, wallMs - zoneOffsetMinutes(new Date(firstGuess), timeZone) * MINUTE_MS].sort(
    (a, b) => a - b,
  )
  for (const candidate of candidates) {
    if (toWallClock(new Date(candidate), timeZone).getTime() === wallMs) return new Date(candidate)
  }
  return undefined
}

/** The wall clock at `minuteOfDay` minutes after midnight on `date`. */
export function wallClockAt(date: CalendarDate, minuteOfDay: number): WallClock {
  return new Date(Date.parse(`${date}T00:00:00Z`) + minuteOfDay * MINUTE_MS)
}

/** ISO 8601 with the offset `timeZone` has at that instant, to the second: `2026-12-01T09:30:00+03:00`. */
export function formatInZone(instant: Date, timeZone: string): string {
  // ISO 8601 offsets have no seconds: local mean time is shown to the nearest minute.
  const offset = Math.round(zoneOffsetMinutes(instant, timeZone))
  const wall = new Date(instant.getTime() + offset * MINUTE_MS).toISOString().slice(0, 19)
  const sign = offset < 0 ? '-' : '+'
  const absolute = Math.abs(offset)
  return `${wall}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

// Date and time with a mandatory zone; seconds and fractions optional. A space stands for `+` because an
// unencoded `+` in a query string arrives as one, and that reading is unambiguous.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+\- ])(\d{2}):(\d{2}))$/i

/** The shape {@link parseInstantWithOffset} accepts, for the route schemas. */
export const ISO_WITH_OFFSET_PATTERN = ISO_WITH_OFFSET.source

/**
 * Parses an ISO 8601 date-time that names its zone (`Z` or `±hh:mm`). Returns `undefined` for anything else,
 * including impossible dates such as February 30, which `Date.parse` would quietly roll over.
 */
export function parseInstantWithOffset(text: string): Date | undefined {
  const match = ISO_WITH_OFFSET.exec(text)
  if (!match) return undefined
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? 0 : Number(part)))
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const milliseconds = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds)
  const wall = new Date(wallMs)
  // Date.UTC maps years 0-99 to 1900-1999; the check below refuses them along with rolled-over dates.
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return undefined
  if (match[8]) return wall
  const offsetHours = Number(match[10])
  const offsetMinutes = Number(match[11])
  if (offsetHours > 14 || offsetMinutes > 59) return undefined
  const offset = (offsetHours * 60 + offsetMinutes) * (match[9] === '-' ? -1 : 1)
  return new Date(wallMs - offset * MINUTE_MS)
}

/**
 * The instant a stored wall-clock value denotes. Unlike {@link fromWallClock} it always answers: a reading inside a
 * daylight-saving gap (which the legacy application may still have written) is taken at the offset in force around it.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): Date {
  return fromWallClock(wall, timeZone) ?? new Date(wall.getTime() - zoneOffsetMinutes(wall, timeZone) * MINUTE_MS)
}

const DATETIME_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/

/**
 * A legacy DATETIME read as text (`CAST(column AS CHAR)`), as a {@link WallClock}; `undefined` for what names no
 * moment: the zero date `0000-00-00 00:00:00` and dates with a zero month or day, which MySQL stores when its
 * sql_mode lacks NO_ZERO_DATE / NO_ZERO_IN_DATE, and years before 1000 (outside the DATETIME range MySQL supports).
 */
export function wallClockOfDatetimeText(text: string | null): WallClock | undefined {
  const match = DATETIME_TEXT.exec(text ?? '')
  if (!match) return undefined
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map(Number)
  if (year < 1000) return undefined
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // Date.UTC rolls a zero month or day over into the previous one; such a value was never a real date.
  if (wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day || hour > 23) return undefined
  return wall
}

/** A legacy zone-less DATETIME read as text, as ISO 8601 with the platform offset; `null` when it names no moment. */
export function formatWallClock(text: string | null, timeZone: string): string | null {
  const wall = wallClockOfDatetimeText(text)
  return wall === undefined ? null : formatInZone(instantOfWallClock(wall, timeZone), timeZone)
}
