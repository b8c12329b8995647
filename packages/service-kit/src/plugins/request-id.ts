import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export const REQUEST_ID_HEADER = 'x-request-id'
const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/

/**
 * Keeps the caller's `x-request-id` so a request can be followed across the proxy and services,
 * but only when it is a plain token: the value lands in every log line and response header.
 * (Fastify's own `requestIdHeader` would take the header unchecked, so it stays off.)
 */
export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER]
  return typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

function requestIdPlugin(app: FastifyInstance, _options: unknown, done: (err?: Error) => void): void {
  // onSend runs for routes, the not-found handler and the error handler alike, even when the
  // request failed before routing (a bad URL), so every answer carries the id.
  app.addHook('onSend', (request, reply, payload, next) => {
    reply.header(REQUEST_ID_HEADER, request.id)
    next(null, payload)
  })
  done()
}

export default fp(requestIdPlugin, { name: 'request-id', fastify: '5.x' })
