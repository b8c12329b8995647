import type { AppError, FieldError } from '@cp/service-kit'
import { consultantsError } from '../errors.js'
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

export function validationError(...errors: FieldError[]): AppError {
  return consultantsError('COMMON_VALIDATION', { errors })
}
