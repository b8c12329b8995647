import { type PrismaClient, readEligibilityFacts } from '@cp/db'
import type { ConsultantId } from '@cp/domain'
import type { WallClock } from '../lib/zoned-time.js'
import { type Booking, minuteOfTimeColumn, type ScheduleBlock } from '../lib/availability.js'

/** Pending and Confirmed bookings hold their time; Completed ones are in the past, Cancelled and NoShow free it. */
const BLOCKING_STATUSES = ['Pending', 'Confirmed'] as const

/** Duration_Minutes is a signed SMALLINT: no booking can have started longer ago than this and still run. */
const LONGEST_BOOKING_MS = 32_767 * 60_000
// Wall clocks are compared with a day of slack either side, so an offset change inside the window never drops a
// booking; the exact overlap is decided in memory.
const DAY_MS = 24 * 3_600_000

export function createAvailabilityRepository(db: PrismaClient) {
  return {
    /** What decides whether the consultant may be booked at all, and until when. */
    eligibilityFacts(id: ConsultantId) {
      return readEligibilityFacts(db, { consultantId: id })
    },

    async weeklySchedule(id: ConsultantId): Promise<ScheduleBlock[]> {
      const rows = await db.consultantSchedule.findMany({
        where: { consultantId: id, isActive: true },
        select: { dayOfWeek: true, startTime: true, endTime: true, slotMinutes: true },
      })
      return rows.map((row) => ({
        dayOfWeek: row.dayOfWeek,
        startMinute: minuteOfTimeColumn(row.startTime),
        endMinute: minuteOfTimeColumn(row.endTime),
        slotMinutes: row.slotMinutes,
      }))
    },

    /** Bookings that may overlap the wall-clock window [from, to). */
    async bookingsBetween(id: ConsultantId, from: WallClock, to: WallClock): Promise<Booking[]> {
      const rows = await db.appointment.findMany({
        where: {
          consultantId: id,
          appointmentStatus: { in: [...BLOCKING_STATUSES] },
          appointmentDate: {
            gte: new Date(from.getTime() - LONGEST_BOOKING_MS - DAY_MS),
            lt: new Date(to.getTime() + DAY_MS),
          },
        },
        select: { appointmentDate: true, durationMinutes: true },
      })
      return rows.map((row) => ({ start: row.appointmentDate, durationMinutes: row.durationMinutes }))
    },
  }
}

export type AvailabilityRepository = ReturnType<typeof createAvailabilityRepository>
