import type { FastifyInstance, HTTPMethods } from 'fastify'

/** The methods our services route; HEAD comes with every GET (Fastify's `exposeHeadRoutes`). */
const ROUTED_METHODS: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/**
 * The methods some route answers for this URL, for the `Allow` header of a 405. Empty when no route matches the
 * path whatever the method: that is a 404.
 */
export function allowedMethods(app: FastifyInstance, url: string): HTTPMethods[] {
  const queryStart = url.indexOf('?')
  const path = queryStart === -1 ? url : url.slice(0, queryStart)
  return ROUTED_METHODS.filter((method) => {
    try {
      return app.findRoute({ method, url: path }) !== null
    } catch {
      // A path the router cannot decode matches nothing.
      return false
    }
  })
}
