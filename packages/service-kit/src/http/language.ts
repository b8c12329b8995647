import { type Locale, resolveLocale } from '@cp/domain'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { addVary } from '../plugins/errors.js'

/**
 * The request's language (`Accept-Language`: en or ar, anything else English), announced in
 * `Content-Language`. The body depends on the header, so caches must key on it: `Vary: Accept-Language`.
 */
export function negotiateLanguage(request: FastifyRequest, reply: FastifyReply): Locale {
  const locale = resolveLocale(request.headers['accept-language'])
  reply.header('content-language', locale)
  addVary(reply, 'Accept-Language')
  return locale
}
