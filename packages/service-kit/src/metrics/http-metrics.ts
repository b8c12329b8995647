import type { FastifyInstance, FastifyReply, FastifyRequest, onResponseHookHandler } from 'fastify'
import { Gauge, Histogram, type Registry } from 'prom-client'

/** Seconds; most answers here take a few milliseconds, the slowest are bounded by the database time limits. */
export const HTTP_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** The `route` label of answers no route served (404, 405 from the not-found handler). */
export const UNMATCHED_ROUTE = 'unmatched'

type Observe = (method: string, status: number, seconds: number) => void

/**
 * Request duration by route pattern, method and status (`http_request_duration_seconds`) and requests in flight
 * (`http_requests_in_flight`). The route label is the pattern a route was registered with (`/v1/consultants/:id`),
 * never the URL a client sent, so the number of series stays bounded. Must be installed before any other hook and
 * route (the in-flight count pairs this onRequest hook with onResponse, and routes get their observer as they are
 * added).
 *
 * Per request: the duration is Fastify's own `reply.elapsedTime` (no clock read of ours), the label set is looked
 * up in two small maps per route (no label object is built), and the in-flight gauge is a plain number read when
 * scraped.
 */
export function installHttpMetrics(app: FastifyInstance, registry: Registry): void {
  let inFlight = 0
  new Gauge({
    name: 'http_requests_in_flight',
    help: 'HTTP requests received and not yet answered',
    registers: [registry],
    collect() {
      this.set(inFlight)
    },
  })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its answer, by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [registry],
  })

  const observerFor = (route: string): Observe => {
    const byMethod = new Map<string, Map<number, Histogram.Internal<'method' | 'route' | 'status_code'>>>()
    return (method, status, seconds) => {
      let byStatus = byMethod.get(method)
      if (byStatus === undefined) {
        byStatus = new Map()
        byMethod.set(method, byStatus)
      }
      let child = byStatus.get(status)
      if (child === undefined) {
        child = duration.labels(method, route, String(status))
        byStatus.set(status, child)
      }
      child.observe(seconds)
    }
  }
  const observeUnmatched = observerFor(UNMATCHED_ROUTE)

  // Each route gets its own onResponse hook that knows its pattern: reading `request.routeOptions` per request
  // would build a fresh object every time.
  app.addHook('onRoute', (route) => {
    const observe = observerFor(route.url)
    const hook: onResponseHookHandler = (request, reply, done) => {
      observe(request.method, reply.statusCode, reply.elapsedTime / 1000)
      done()
    }
    const existing = route.onResponse
    route.onResponse = existing === undefined ? hook : Array.isArray(existing) ? [...existing, hook] : [existing, hook]
  })

  app.addHook('onRequest', (_request, _reply, done) => {
    inFlight++
    done()
  })
  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    // A request whose client went away was already counted out by onRequestAbort.
    if (!request.raw.aborted) inFlight--
    if (request.is404) observeUnmatched(request.method, reply.statusCode, reply.elapsedTime / 1000)
    done()
  })
  // An aborted request may never be answered (Fastify does not send what its handler returns), so onResponse
  // would not run for it and the gauge would only grow.
  app.addHook('onRequestAbort', (_request, done) => {
    inFlight--
    done()
  })
}
