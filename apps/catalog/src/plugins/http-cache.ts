import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

export interface HttpCacheOptions {
  /** Seconds a shared cache (the proxy) or a client may reuse the response before revalidating. */
  readonly maxAge: number
}

/**
 * An `onSend` hook for public, read-only routes: a strong ETag over the exact response bytes, a
 * `Cache-Control` that lets the proxy and clients keep the response, and `304 Not Modified` when the
 * client's `If-None-Match` already names the current representation. The body depends on
 * `Accept-Language`, so the response varies on it.
 */
export function httpCache({ maxAge }: HttpCacheOptions) {
  const cacheControl = `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`
  return async function httpCacheOnSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload
    const etag = `"${createHash('sha256').update(payload).digest('base64url')}"`
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
