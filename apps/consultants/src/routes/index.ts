import type { CalendarDate, Locale } from '@cp/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { TotalCache, TtlCache } from '../lib/total-cache.js'
import type { AvailabilityRepository } from '../repositories/availability-repository.js'
import type { ConsultantDetailRecord, ConsultantsRepository } from '../repositories/consultants-repository.js'
import { availabilityRoute } from './availability.js'
import { detailRoute } from './detail.js'
import { listRoute } from './list.js'

/** What the public consultant routes need; built once in app.ts. */
export interface PublicRoutesOptions {
  readonly consultants: ConsultantsRepository
  readonly availability: AvailabilityRepository
  /** List totals, reused for CONSULTANTS_TOTAL_CACHE_SECONDS. */
  readonly totals: TotalCache
  /** Public profiles by consultant id, reused for CONSULTANTS_PROFILE_CACHE_SECONDS. */
  readonly profiles: PublicProfileCache
  readonly contentUrl: string
  /** PLATFORM_TIME_ZONE: "today" for contracts and licenses, and the zone of schedules and bookings. */
  readonly timeZone: string
  readonly now: () => Date
}

/** A profile read for one calendar day (`undefined`: not bookable that day). */
/**
 * A profile as read for `today`, with the answers already rendered from it per language (filled on first use): a
 * rendered answer lives exactly as long as the record it came from, so it adds no staleness of its own.
 */
export interface CachedProfile {
  readonly today: CalendarDate
  readonly record: ConsultantDetailRecord | undefined
  readonly answers: Partial<Record<Locale, string>>
}

export type PublicProfileCache = TtlCache<CachedProfile>

export const consultantsRoutes: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (app, options) => {
  // Only our own options go on: the `prefix` this plugin was registered with must not be applied twice.
  const { consultants, availability, totals, profiles, contentUrl, timeZone, now } = options
  const routeOptions = { consultants, availability, totals, profiles, contentUrl, timeZone, now }
  await app.register(listRoute, routeOptions)
  await app.register(detailRoute, routeOptions)
  await app.register(availabilityRoute, routeOptions)
}
