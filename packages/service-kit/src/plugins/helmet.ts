import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'

export interface HelmetPluginOptions {
  /** Over plain HTTP (local development) `upgrade-insecure-requests` would break the docs UI's assets. */
  readonly upgradeInsecureRequests: boolean
}

/** Helmet's defaults, with a Content-Security-Policy that lets the docs UI run from our own origin. */
export function helmetOptions(options: HelmetPluginOptions): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // swagger-ui under /docs loads its scripts and styles from our own origin and styles
        // elements inline; its online validator badge is disabled, so no third-party origin is needed.
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'upgrade-insecure-requests': options.upgradeInsecureRequests ? [] : null,
      },
    },
  }
}

type HeaderStep = readonly ['set', string, string] | readonly ['remove', string]

/**
 * What helmet's middleware does to a response, recorded once. With these options (no nonces, no directive
 * functions) it never reads the request, so every response gets the same steps.
 */
export function recordHelmetSteps(options: HelmetOptions): readonly HeaderStep[] {
  const steps: HeaderStep[] = []
  const response = {
    setHeader: (name: string, value: unknown) => void steps.push(['set', name, String(value)]),
    removeHeader: (name: string) => void steps.push(['remove', name]),
  }
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error
  })
  return steps
}

/**
 * The same headers @fastify/helmet sets, on every answer (routes, 404s, errors, docs), from the same onRequest
 * point. @fastify/helmet builds a new helmet middleware for every request, which parses and validates the CSP
 * directives each time (2–5% of a request's CPU in the bench profile); here that happens once, at start-up.
 * `test/plugins/helmet.test.ts` compares every header with @fastify/helmet's.
 */
function helmetPlugin(app: FastifyInstance, options: HelmetPluginOptions, done: (err?: Error) => void): void {
  const steps = recordHelmetSteps(helmetOptions(options))
  app.addHook('onRequest', (_request, reply, next) => {
    const raw = reply.raw
    for (const step of steps) {
      if (step[0] === 'set') raw.setHeader(step[1], step[2])
      else raw.removeHeader(step[1])
    }
    next()
  })
  done()
}

export default fp(helmetPlugin, { name: 'helmet', fastify: '5.x' })
