import { addDays, calendarDateIn } from '@cp/domain'
import { fromWallClock, instantOfWallClock, wallClockAt, type WallClock } from './zoned-time.js'

const MINUTE_MS = 60_000
const MINUTES_PER_DAY = 24 * 60

/** One row of the weekly schedule, in minutes after local midnight. */
export interface ScheduleBlock {
  /** 0 = Sunday .. 6 = Saturday. */
  readonly dayOfWeek: number
  readonly startMinute: number
  readonly endMinute: number
  readonly slotMinutes: number
}

/** A booking that blocks time: its start as the legacy zone-less DATETIME, and its length. */
export interface Booking {
  readonly start: WallClock
  readonly durationMinutes: number
}

export interface Slot {
  readonly start: Date
  readonly end: Date
}

export interface FreeSlotsInput {
  /** Slots starting at or after this instant... */
  readonly from: Date
  /** ...and before this one. */
  readonly to: Date
  /** Slots that have started by now are gone. */
  readonly now: Date
  /**
   * The end of the consultant's eligibility (contract or license, `checkConsultantEligibility(...).notAfter`): a
   * slot must end by then, because a session that runs past it would be held without a contract or license.
   */
  readonly notAfter?: Date | undefined
  readonly timeZone: string
  readonly schedule: readonly ScheduleBlock[]
  readonly bookings: readonly Booking[]
}

/**
 * The free slots of a weekly schedule between two instants: each active block is cut into slots of its own length
 * on every matching day (in the platform zone), a slot that overlaps a booking is dropped, and so is one that starts
 * before `now` or would end after `notAfter`. A block whose slots do not fit (end before start, a non-positive length) yields none; a wall-clock
 * time that does not exist on a day (a daylight-saving gap) is skipped. Sorted by start, without duplicates when
 * blocks overlap.
 */
export function freeSlots({ from, to, now, notAfter, timeZone, schedule, bookings }: FreeSlotsInput): Slot[] {
  const earliest = Math.max(from.getTime(), now.getTime())
  const latestEnd = notAfter?.getTime() ?? Number.POSITIVE_INFINITY
  const blocked = bookings.map((booking) => bookingInterval(booking, timeZone))
  const slots = new Map<number, Slot>()

  const lastDate = calendarDateIn(to, timeZone)
  for (let date = calendarDateIn(from, timeZone); date <= lastDate; date = addDays(date, 1)) {
    const dayOfWeek = new Date(`${date}T00:00:00Z`).getUTCDay()
    for (const block of schedule) {
      if (block.dayOfWeek !== dayOfWeek || !isUsable(block)) continue
      for (let minute = block.startMinute; minute + block.slotMinutes <= block.endMinute; minute += block.slotMinutes) {
        const start = fromWallClock(wallClockAt(date, minute), timeZone)
        if (!start) continue
        const startMs = start.getTime()
        if (startMs < earliest || startMs >= to.getTime() || slots.has(startMs)) continue
        const endMs = startMs + block.slotMinutes * MINUTE_MS
        if (endMs > latestEnd) continue
        if (blocked.some((interval) => interval.start < endMs && startMs < interval.end)) continue
        slots.set(startMs, { start, end: new Date(endMs) })
      }
    }
  }
  return [...slots.values()].sort((a, b) => a.start.getTime() - b.start.getTime())
}

function isUsable(block: ScheduleBlock): boolean {
  return (
    Number.isInteger(block.slotMinutes) &&
    block.slotMinutes > 0 &&
    block.startMinute >= 0 &&
    block.endMinute <= MINUTES_PER_DAY &&
    block.startMinute < block.endMinute
  )
}

function bookingInterval({ start, durationMinutes }: Booking, timeZone: string): { start: number; end: number } {
  const instant = instantOfWallClock(start, timeZone).getTime()
  return { start: instant, end: instant + Math.max(0, durationMinutes) * MINUTE_MS }
}

/** Minutes after midnight of a legacy TIME column (Prisma reads TIME as a Date on 1970-01-01 UTC). */
export function minuteOfTimeColumn(time: Date): number {
  return Math.floor(time.getTime() / MINUTE_MS)
}
