import { type ConsultantId, type Locale, resolveLocale, tryParseConsultantId } from '@cp/domain'
import { AppError, type FieldError } from '@cp/service-kit'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { TotalCache } from '../lib/total-cache.js'
import type { AvailabilityRepository } from '../repositories/availability-repository.js'
import type { ConsultantsRepository } from '../repositories/consultants-repository.js'

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

/** The negotiated language, announced in the response; caches must key on Accept-Language. */
export function negotiateLanguage(request: FastifyRequest, reply: FastifyReply): Locale {
  const locale = resolveLocale(request.headers['accept-language'])
  reply.header('content-language', locale)
  reply.header('vary', 'Accept-Language')
  return locale
}

export function validationError(...errors: FieldError[]): AppError {
  return new AppError('COMMON_VALIDATION', { errors })
}

/** The schema has checked the shape; this refuses a well-formed id beyond the legacy INT column. */
export function consultantIdParam(id: string): ConsultantId {
  const parsed = tryParseConsultantId(id)
  if (parsed === undefined) {
    throw validationError({ path: '/params/id', message: 'must be a positive integer no greater than 2147483647' })
  }
  return parsed
}
