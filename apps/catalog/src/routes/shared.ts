import type { Locale } from '@cp/domain'
import { AppError } from '@cp/service-kit'
import type { FastifyReply } from 'fastify'

/** The body is in the negotiated language, so caches must key on Accept-Language. */
export function languageHeaders(reply: FastifyReply, locale: Locale): void {
  reply.header('content-language', locale)
  reply.header('vary', 'Accept-Language')
}

/** A well-formed id that cannot exist (beyond the legacy INT column) is refused like any malformed one. */
export function invalidIdError(): AppError {
  return new AppError('COMMON_VALIDATION', {
    errors: [{ path: '/params/id', message: 'must be a positive integer no greater than 2147483647' }],
  })
}
