import type { FastifyInstance } from 'fastify'
import { commonError } from '../errors/app-error.js'
import { type ErrorsPluginOptions, sendProblem } from './errors.js'

/** A draining instance has no more work to offer: the client may retry at once, on another connection. */
export const CLOSING_RETRY_AFTER_SECONDS = 1

/**
 * Once `close()` has started, requests that still arrive on open keep-alive connections (or pipelined behind a
 * request in flight) are answered 503 COMMON_UNAVAILABLE as problem+json with `Retry-After`, the request id and
 * `Connection: close`, instead of Fastify's plain `{"error":"Service Unavailable"}` (`return503OnClosing`, which
 * the app turns off). Added first, so no other hook (rate limit, authentication) runs for them.
 *
 * Answers to requests that were already in flight also say `Connection: close`: otherwise their keep-alive
 * connection outlives the response and holds `close()` open until the keep-alive timeout (72 s).
 */
export function refuseRequestsWhileClosing(app: FastifyInstance, errorOptions: ErrorsPluginOptions): void {
  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  app.addHook('onRequest', (request, reply, done) => {
    if (!closing) {
      done()
      return
    }
    reply.header('connection', 'close')
    const unavailable = commonError('COMMON_UNAVAILABLE', {
      headers: { 'retry-after': String(CLOSING_RETRY_AFTER_SECONDS) },
    })
    sendProblem(request, reply, unavailable, errorOptions)
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
}
