import { addDays, calendarDateIn, fromWallClock, instantOfWallClock, wallClockAt, type WallClock } from '@cp/domain'

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
  /** Legacy rows may hold 0 or a negative number; see {@link bookingMinutes}. */
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
 * before `now` or would end after `notAfter`. A block whose slots do not fit (end before start, a non-positive
 * length) yields none; a wall-clock time that does not exist on a day (a daylight-saving gap) is skipped. Sorted by
 * start, without duplicates when blocks overlap.
 */
export function freeSlots({ from, to, now, notAfter, timeZone, schedule, bookings }: FreeSlotsInput): Slot[] {
  const earliest = Math.max(from.getTime(), now.getTime())
  const latestEnd = notAfter?.getTime() ?? Number.POSITIVE_INFINITY
  const blocked = bookings.map((booking) => bookingInterval(booking, schedule, timeZone))
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

/** Duration_Minutes' column default, what a booking is taken to last when its own length is unusable. */
const DEFAULT_BOOKING_MINUTES = 30

function bookingInterval(booking: Booking, schedule: readonly ScheduleBlock[], timeZone: string) {
  const start = instantOfWallClock(booking.start, timeZone).getTime()
  return { start, end: start + bookingMinutes(booking, schedule) * MINUTE_MS }
}

/**
 * A legacy row with 0 or fewer minutes is still a booking of someone's time, not an empty interval that blocks
 * nothing: it is taken to last a slot of the block it starts in (the longest, if blocks overlap), or the column
 * default when it starts outside every block.
 */
function bookingMinutes({ start, durationMinutes }: Booking, schedule: readonly ScheduleBlock[]): number {
  if (durationMinutes > 0) return durationMinutes
  const dayOfWeek = start.getUTCDay()
  const minute = start.getUTCHours() * 60 + start.getUTCMinutes()
  let slotMinutes = 0
  for (const block of schedule) {
    if (block.dayOfWeek !== dayOfWeek || !isUsable(block)) continue
    if (block.startMinute <= minute && minute < block.endMinute) slotMinutes = Math.max(slotMinutes, block.slotMinutes)
  }
  return slotMinutes > 0 ? slotMinutes : DEFAULT_BOOKING_MINUTES
}

/** Minutes after midnight of a legacy TIME column (Prisma reads TIME as a Date on 1970-01-01 UTC). */
export function minuteOfTimeColumn(time: Date): number {
  return Math.floor(time.getTime() / MINUTE_MS)
}
