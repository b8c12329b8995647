import { createHash } from 'node:crypto'
import { resolveLocale } from '@cp/domain'
import { negotiateLanguage } from '@cp/service-kit'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AnswerCache } from './answer-cache.js'

export interface HttpCacheOptions {
  /** Seconds a shared cache (the proxy) or a client may reuse the response before revalidating. */
  readonly maxAge: number
  /** Answers kept in process: a fresh one is sent (or answered 304) without running the handler. */
  readonly answers?: AnswerCache
}

/**
 * Hooks for public, read-only routes. `onSend`: a strong ETag over the exact response bytes, a `Cache-Control`
 * that lets the proxy and clients keep the response, and `304 Not Modified` when the client's `If-None-Match`
 * already names the current representation. The body depends on `Accept-Language`, so the response varies on it.
 * `preHandler` (after validation, so bad input is still a 400): with an answer cache, a fresh answer for the same
 * route, parameters, query and language is sent as it is, and a matching `If-None-Match` is answered 304, neither
 * touching the database.
 */
export function httpCache({ maxAge, answers }: HttpCacheOptions) {
  const cacheControl = `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`
  /** The cache key of a request whose answer is being computed; the ETag of one answered from the cache. */
  const pending = new WeakMap<FastifyRequest, string>()
  const served = new WeakMap<FastifyRequest, string>()

  async function httpCachePreHandler(request: FastifyRequest, reply: FastifyReply) {
    if (answers === undefined || !answers.enabled) return
    const key = answerKey(request)
    const hit = answers.get(key)
    if (hit === undefined) {
      pending.set(request, key)
      return
    }
    // The same Content-Language and Vary the handler sets.
    negotiateLanguage(request, reply)
    served.set(request, hit.etag)
    // A string with a JSON content type is sent as already serialized.
    return reply.header('content-type', hit.contentType).send(hit.payload)
  }

  async function httpCacheOnSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload
    let etag = served.get(request)
    if (etag === undefined) {
      etag = `"${createHash('sha256').update(payload).digest('base64url')}"`
      const key = pending.get(request)
      if (key !== undefined) answers?.set(key, { payload, etag, contentType: String(reply.getHeader('content-type')) })
    }
    reply.header('etag', etag)
    reply.header('cache-control', cacheControl)
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      reply.code(304)
      reply.removeHeader('content-type')
      reply.removeHeader('content-length')
      // No payload at all, not an empty string: Fastify would answer `content-length: 0` for '', which a 304
      // must not carry (it would describe the 304, not the representation; RFC 9110 §8.6).
      return null
    }
    return payload
  }

  return { preHandler: httpCachePreHandler, onSend: httpCacheOnSend }
}

/** What an answer depends on: the route, its validated parameters and query, and the negotiated language. */
function answerKey(request: FastifyRequest): string {
  const locale = resolveLocale(request.headers['accept-language'])
  return `${request.routeOptions.url}\n${JSON.stringify(request.params)}\n${JSON.stringify(request.query)}\n${locale}`
}

/** RFC 9110 §13.1.2: `*` or any listed tag, compared weakly (a `W/` prefix is ignored). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag)
}
