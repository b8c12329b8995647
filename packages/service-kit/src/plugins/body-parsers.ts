import type { FastifyInstance } from 'fastify'

/**
 * The body parsers every service shares. Only JSON is read: Fastify's default `text/plain` parser is removed, so a
 * text body is refused with 415 like any other type nobody parses (it used to reach the schema and fail as 400).
 *
 * An empty body sent with `Content-Type: application/json` (what `fetch` sends when a client sets that header on
 * every request) counts as no body on a route that takes none, such as logout; a route that declares a body still
 * refuses it as 400, since there is nothing to read.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' && request.routeOptions.schema?.body === undefined) {
      done(null, undefined)
      return
    }
    parseJson(request, body as string, done)
  })
}
