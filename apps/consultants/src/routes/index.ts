import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { TotalCache } from '../lib/total-cache.js'
import type { AvailabilityRepository } from '../repositories/availability-repository.js'
import type { ConsultantsRepository } from '../repositories/consultants-repository.js'
import { availabilityRoute } from './availability.js'
import { detailRoute } from './detail.js'
import { listRoute } from './list.js'

/** What the public consultant routes need; built once in app.ts. */
export interface PublicRoutesOptions {
  readonly consultants: ConsultantsRepository
  readonly availability: AvailabilityRepository
  /** List totals, reused for CONSULTANTS_TOTAL_CACHE_SECONDS. */
  readonly totals: TotalCache
  readonly contentUrl: string
  /** PLATFORM_TIME_ZONE: "today" for contracts and licenses, and the zone of schedules and bookings. */
  readonly timeZone: string
  readonly now: () => Date
}

export const consultantsRoutes: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (app, options) => {
  // Only our own options go on: the `prefix` this plugin was registered with must not be applied twice.
  const { consultants, availability, totals, contentUrl, timeZone, now } = options
  const routeOptions = { consultants, availability, totals, contentUrl, timeZone, now }
  await app.register(listRoute, routeOptions)
  await app.register(detailRoute, routeOptions)
  await app.register(availabilityRoute, routeOptions)
}
