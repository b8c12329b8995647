import { addDays, type CalendarDate, calendarDateIn } from '@cp/domain'

/** The platform time zone the seed writes into configuration_settings and reads "today" in. */
export const PLATFORM_TIME_ZONE = 'Asia/Riyadh'

/**
 * Dates the seed writes, all relative to the day it runs in the platform time zone, so contracts and licenses
 * that should be valid stay valid (and expired ones stay expired) however late the seed is run.
 */
export interface SeedClock {
  today: CalendarDate
  /** A legacy `DATE` column value: the Prisma adapter writes a Date's UTC calendar fields. */
  date(offsetDays: number): Date
  /** A legacy zone-less `DATETIME` holding platform wall-clock time `hh:mm` on the day `offsetDays` from today. */
  wallTime(offsetDays: number, time: string): Date
  /** Day of week (0 = Sunday) of the day `offsetDays` from today. */
  dayOfWeek(offsetDays: number): number
}

export function seedClock(now: Date = new Date(), timeZone: string = PLATFORM_TIME_ZONE): SeedClock {
  const today = calendarDateIn(now, timeZone)
  const utcMidnight = (offsetDays: number) => new Date(`${addDays(today, offsetDays)}T00:00:00Z`)
  return {
    today,
    date: utcMidnight,
    wallTime: (offsetDays, time) => new Date(`${addDays(today, offsetDays)}T${time}:00Z`),
    dayOfWeek: (offsetDays) => utcMidnight(offsetDays).getUTCDay(),
  }
}

/** A legacy `TIME` column value (Prisma represents TIME as a Date on 1970-01-01 UTC). */
export function timeOfDay(time: string): Date {
  return new Date(`1970-01-01T${time}:00Z`)
}
