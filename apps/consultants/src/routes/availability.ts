import { checkConsultantEligibility, tryParseConsultantId } from '@cp/domain'
import { IdParamsSchema, idParam } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { consultantsError, problems, validationError } from '../errors.js'
import { freeSlots } from '../lib/availability.js'
import { formatInZone, parseInstantWithOffset, toWallClock } from '../lib/zoned-time.js'
import {
  AVAILABILITY_RANGE,
  AvailabilityQuerySchema,
  EARLIEST_INSTANT,
  LATEST_INSTANT,
  MAX_AVAILABILITY_DAYS,
} from '../schemas/availability.js'
import { AvailabilityResponse } from '../schemas/responses.js'
import type { PublicRoutesOptions } from './index.js'

const DAY_MS = 24 * 3_600_000

export const availabilityRoute: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (app, options) => {
  const { availability, timeZone, now } = options

  app.get(
    '/:id/availability',
    {
      schema: {
        tags: ['consultants'],
        summary: 'Free slots of a bookable consultant between two instants',
        description:
          `The weekly schedule (platform time zone) cut into slots, minus Pending and Confirmed bookings, ` +
          `without slots that have already started or would end after the consultant's contract or license. ` +
          `At most ${MAX_AVAILABILITY_DAYS} days per request.`,
        params: IdParamsSchema,
        querystring: AvailabilityQuerySchema,
        response: { 200: AvailabilityResponse, ...problems('CONSULTANTS_NOT_FOUND', 'COMMON_UNAVAILABLE') },
      },
    },
    async (request) => {
      const id = idParam(tryParseConsultantId, request.params.id)
      const from = parseInstantWithOffset(request.query.from)
      if (!from) throw validationError({ path: '/query/from', message: 'is not a valid date and time' })
      const to = parseInstantWithOffset(request.query.to)
      if (!to) throw validationError({ path: '/query/to', message: 'is not a valid date and time' })
      const outside = `must be ${AVAILABILITY_RANGE}`
      const inRange = (instant: Date) => instant >= EARLIEST_INSTANT && instant <= LATEST_INSTANT
      if (!inRange(from)) throw validationError({ path: '/query/from', message: outside })
      if (!inRange(to)) throw validationError({ path: '/query/to', message: outside })
      if (to <= from) throw validationError({ path: '/query/to', message: 'must be after from' })
      if (to.getTime() - from.getTime() > MAX_AVAILABILITY_DAYS * DAY_MS) {
        throw validationError({ path: '/query/to', message: `must be at most ${MAX_AVAILABILITY_DAYS} days after from` })
      }

      const instant = now()
      // The sign-in rule itself (the list's SQL means the same), because it also tells until when: no slot is
      // offered past the contract or license that makes the consultant bookable today.
      const verdict = checkConsultantEligibility(await availability.eligibilityFacts(id), instant, timeZone)
      if (!verdict.eligible) throw consultantsError('CONSULTANTS_NOT_FOUND')
      const [schedule, bookings] = await Promise.all([
        availability.weeklySchedule(id),
        availability.bookingsBetween(id, toWallClock(from, timeZone), toWallClock(to, timeZone)),
      ])
      const slots = freeSlots({ from, to, now: instant, notAfter: verdict.notAfter, timeZone, schedule, bookings })
      return {
        consultantId: id,
        timeZone,
        from: formatInZone(from, timeZone),
        to: formatInZone(to, timeZone),
        slots: slots.map((slot) => ({ start: formatInZone(slot.start, timeZone), end: formatInZone(slot.end, timeZone) })),
      }
    },
  )
}
