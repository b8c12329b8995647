import type { SeededConsultant } from './account-seed.js'
import type { CatalogIds, SeedClient } from './catalog-seed.js'
import { type SeedClock, timeOfDay } from './clock.js'
import {
  CONSULTANT_APPOINTMENTS,
  CONSULTANT_PROFILES,
  CONSULTANT_REVIEWS,
  CONSULTANT_SCHEDULES,
  type ScheduleBlock,
  WORKING_DAYS,
} from './consultant-profiles.js'
import { syncRows } from './converge.js'
import type { ConsultantScenarioName, ScenarioName } from './scenarios.js'
import type { SeedTally } from './tally.js'

const SEED_NOTE_PREFIX = 'seed:'

/** Weekly schedules, appointments and reviews of the seeded consultants. */
export async function seedActivity(
  prisma: SeedClient,
  tally: SeedTally,
  clock: SeedClock,
  catalog: CatalogIds,
  accounts: ReadonlyMap<ScenarioName, number>,
  consultants: ReadonlyMap<ConsultantScenarioName, SeededConsultant>,
): Promise<void> {
  const customerId = (name: ScenarioName): number => {
    const id = accounts.get(name)
    if (id === undefined) throw new Error(`seed: account of scenario ${name} was not created`)
    return id
  }

  for (const [name, { consultantId }] of consultants) {
    const schedule = CONSULTANT_SCHEDULES[name] ?? []
    await syncRows(
      tally,
      'consultant_schedules',
      await prisma.consultantSchedule.findMany({ where: { consultantId }, orderBy: { scheduleId: 'asc' } }),
      schedule.map((block) => ({
        consultantId,
        dayOfWeek: block.dayOfWeek,
        startTime: timeOfDay(block.start),
        endTime: timeOfDay(block.end),
        slotMinutes: block.slotMinutes,
        isActive: block.isActive,
      })),
      {
        ofRow: (row) => `${row.dayOfWeek}@${row.startTime.toISOString()}`,
        ofData: (data) => `${data.dayOfWeek}@${data.startTime.toISOString()}`,
      },
      {
        create: (data) => prisma.consultantSchedule.create({ data }),
        update: (row, data) => prisma.consultantSchedule.update({ where: { scheduleId: row.scheduleId }, data }),
        remove: async (rows) => {
          const scheduleIds = rows.map((row) => row.scheduleId)
          await prisma.consultantSchedule.deleteMany({ where: { scheduleId: { in: scheduleIds } } })
        },
      },
    )

    // Bookings someone made by hand on a development database are not the seed's: only rows it labelled are synced.
    const days = workingDaysOf(schedule)
    const price = CONSULTANT_PROFILES[name].price
    const appointments = await syncRows(
      tally,
      'appointments',
      await prisma.appointment.findMany({
        where: { consultantId, notes: { startsWith: SEED_NOTE_PREFIX } },
        orderBy: { appointmentId: 'asc' },
      }),
      (CONSULTANT_APPOINTMENTS[name] ?? []).map((appointment) => ({
        customerId: customerId(appointment.customer),
        consultantId,
        serviceCategoryId: appointment.service === null ? null : (catalog.services.get(appointment.service) ?? null),
        appointmentDate: clock.wallTime(workingDayOffset(clock, appointment.workingDay, days), appointment.time),
        durationMinutes: appointment.durationMinutes,
        appointmentStatus: appointment.status,
        price,
        notes: `${SEED_NOTE_PREFIX}${appointment.label}`,
      })),
      { ofRow: (row) => row.notes ?? '', ofData: (data) => data.notes },
      {
        create: (data) => prisma.appointment.create({ data }),
        update: (row, data) => prisma.appointment.update({ where: { appointmentId: row.appointmentId }, data }),
        remove: async (rows) => {
          const appointmentIds = rows.map((row) => row.appointmentId)
          await prisma.appointment.deleteMany({ where: { appointmentId: { in: appointmentIds } } })
        },
      },
    )
    const appointmentId = (label: string | null): number | null =>
      label === null
        ? null
        : (appointments.find((row) => row.notes === `${SEED_NOTE_PREFIX}${label}`)?.appointmentId ?? null)

    const reviews = CONSULTANT_REVIEWS[name] ?? []
    if (new Set(reviews.map((review) => review.customer)).size !== reviews.length) {
      throw new Error(`seed: ${name} has two reviews by one customer, but the reviewer is the review's key`)
    }
    await syncRows(
      tally,
      'reviews',
      await prisma.review.findMany({
        where: { consultantId, customerId: { in: [...accounts.values()] } },
        orderBy: { reviewId: 'asc' },
      }),
      reviews.map((review, index) => ({
        customerId: customerId(review.customer),
        consultantId,
        appointmentId: appointmentId(review.appointment),
        rating: review.rating,
        comment: review.comment,
        reviewStatus: review.visible ? 'Visible' : 'Hidden',
        // Spread over past days so "latest reviews" has a defined order.
        createdAt: clock.wallTime(-(3 * index + 1), '12:00'),
      }) as const),
      { ofRow: (row) => String(row.customerId), ofData: (data) => String(data.customerId) },
      {
        create: (data) => prisma.review.create({ data }),
        update: (row, data) => prisma.review.update({ where: { reviewId: row.reviewId }, data }),
        remove: async (rows) => {
          await prisma.review.deleteMany({ where: { reviewId: { in: rows.map((row) => row.reviewId) } } })
        },
      },
    )
  }
}

function workingDaysOf(schedule: readonly ScheduleBlock[]): readonly number[] {
  const days = [...new Set(schedule.filter((block) => block.isActive).map((block) => block.dayOfWeek))]
  return days.length > 0 ? days : WORKING_DAYS
}

/**
 * The day offset of the `n`th scheduled day: counting forward from two days ahead for n > 0 (so the appointment is
 * still in the future tomorrow), backward from a week ago for n < 0.
 */
export function workingDayOffset(clock: SeedClock, n: number, days: readonly number[]): number {
  const step = n > 0 ? 1 : -1
  let found = 0
  for (let offset = n > 0 ? 2 : -7; ; offset += step) {
    if (days.includes(clock.dayOfWeek(offset))) found += 1
    if (found === Math.abs(n)) return offset
  }
}
