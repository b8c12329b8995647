import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorCatalog } from '@cp/domain'
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import fastify, { type FastifyBaseLogger, type FastifyInstance, LogController, type RawServerDefault } from 'fastify'
import type { ServiceConfig } from './config/service-config.js'
import { commonError } from './errors/app-error.js'
import { createErrorRegistry } from './errors/error-registry.js'
import { DEFAULT_PROBLEM_TYPE_BASE } from './errors/problem.js'
import { allowedMethods } from './http/allowed-methods.js'
import { buildLoggerOptions, requestLoggerFactory, type ServiceLoggerOptions } from './logger.js'
import { registerBodyParsers } from './plugins/body-parsers.js'
import { createClientErrorHandler } from './plugins/client-errors.js'
import { refuseRequestsWhileClosing } from './plugins/draining.js'
import errorsPlugin, { sendProblem } from './plugins/errors.js'
import healthPlugin, { type ReadinessCheck } from './plugins/health.js'
import helmetPlugin from './plugins/helmet.js'
import metricsPlugin from './plugins/metrics.js'
import rateLimitPlugin from './plugins/rate-limit.js'
import requestIdPlugin, { genRequestId, REQUEST_ID_HEADER } from './plugins/request-id.js'
import swaggerPlugin from './plugins/swagger.js'
import { ProblemSchema } from './schemas/problem.js'
import { AJV_OPTIONS, buildValidatorFactory } from './validation.js'

export type ServiceApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

const DEFAULT_BODY_LIMIT = 100 * 1024
export const DEFAULT_READINESS_TIMEOUT_MS = 2000

export interface BuildServiceOptions {
  /** Short service name; the docs live at `/docs/<name>`. */
  readonly name: string
  /** The service's package.json version: OpenAPI `info.version` and the health answers report it. */
  readonly version: string
  readonly description?: string
  readonly config: ServiceConfig
  /** Pino settings (level defaults to LOG_LEVEL); `false` for silent tests. */
  readonly logger?: false | ServiceLoggerOptions
  /** The service's own error catalog(s), merged with COMMON. */
  readonly errors?: ErrorCatalog | readonly ErrorCatalog[]
  /** Checks dependencies for `GET /health/ready`. */
  readonly readiness?: ReadinessCheck
  readonly readinessTimeoutMs?: number
  /** The service's public prefix, e.g. `/v1/catalog`; `routes` are registered under it. */
  readonly routesPrefix?: string
  readonly routes?: FastifyPluginAsyncTypebox
  /** Largest accepted request body in bytes (default 100 KiB). */
  readonly bodyLimit?: number
  /** Prefix of each problem's `type` URI, followed by the code (default `urn:problem:`). */
  readonly problemTypeBase?: string
  /** Recognises dependency outages (e.g. `isDatabaseUnavailable` from @cp/db): answered 503, not 500. */
  readonly isUnavailable?: (error: unknown) => boolean
}

/**
 * Builds a service's Fastify app without listening: metrics, request ids, problem+json errors,
 * security headers, rate limit, OpenAPI docs and health routes, then the service's routes.
 */
export async function buildService(options: BuildServiceOptions): Promise<ServiceApp> {
  const { config } = options
  const catalogs = options.errors === undefined ? [] : Array.isArray(options.errors) ? options.errors : [options.errors]
  const registry = createErrorRegistry(...(catalogs as ErrorCatalog[]))
  const errorOptions = {
    registry,
    problemTypeBase: options.problemTypeBase ?? DEFAULT_PROBLEM_TYPE_BASE,
    ...(options.isUnavailable ? { isUnavailable: options.isUnavailable } : {}),
  }

  const app = fastify({
    logger:
      options.logger === false
        ? false
        : buildLoggerOptions({ level: config.LOG_LEVEL, ...options.logger }, options.name),
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: genRequestId,
    childLoggerFactory: requestLoggerFactory,
    // Only the reverse proxy may speak for the client; `true` would let any client pick its IP.
    trustProxy: config.TRUST_PROXY.length > 0 ? [...config.TRUST_PROXY] : false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    clientErrorHandler: createClientErrorHandler(registry, errorOptions.problemTypeBase),
    // Errors the router raises before any route or hook runs (an undecodable URL such as `/items/%`).
    frameworkErrors: (error, request, reply) => {
      // No hook has run, so the id the request-id plugin would echo is set here.
      reply.header(REQUEST_ID_HEADER, request.id)
      sendProblem(request, reply, commonError('COMMON_BAD_REQUEST', { cause: error }), errorOptions)
    },
    // One rule for every service: `/v1/x/` is `/v1/x` (the document lists only the form without the slash).
    routerOptions: { ignoreTrailingSlash: true },
    // Requests still arriving while closing get our problem+json 503 (refuseRequestsWhileClosing), not Fastify's.
    return503OnClosing: false,
    ajv: { customOptions: { ...AJV_OPTIONS } },
    schemaController: { compilersFactory: { buildValidator: buildValidatorFactory() } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addSchema(ProblemSchema)
  // First: its onRequest hook must run for every request that reaches onResponse, and every route gets its observer.
  await app.register(metricsPlugin, { service: options.name, host: config.HOST, port: config.METRICS_PORT })
  refuseRequestsWhileClosing(app, errorOptions)
  registerBodyParsers(app)
  await app.register(requestIdPlugin)
  await app.register(errorsPlugin, errorOptions)
  await app.register(helmetPlugin, { upgradeInsecureRequests: config.NODE_ENV === 'production' })
  await app.register(rateLimitPlugin, { max: config.RATE_LIMIT_MAX, timeWindowMs: config.RATE_LIMIT_WINDOW })
  // The not-found handler is not a route, so the global limit does not cover it: probing for URLs costs too.
  // A path some route serves with other methods is a 405 naming them (RFC 9110 §15.5.6), not a 404.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    const allow = allowedMethods(app, request.url)
    const error =
      allow.length > 0
        ? commonError('COMMON_METHOD_NOT_ALLOWED', { headers: { allow: allow.join(', ') } })
        : commonError('COMMON_NOT_FOUND')
    return sendProblem(request, reply, error, errorOptions)
  })
  await app.register(swaggerPlugin, {
    name: options.name,
    version: options.version,
    ...(options.description ? { description: options.description } : {}),
  })
  await app.register(healthPlugin, {
    version: options.version,
    ...(options.readiness ? { readiness: options.readiness } : {}),
    readinessTimeoutMs: options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
  })

  app.addHook('preClose', (done) => {
    app.log.info('closing: refusing new connections, finishing requests in flight')
    done()
  })
  app.addHook('onClose', (_instance, done) => {
    app.log.info('closed')
    done()
  })

  if (options.routes) {
    await app.register(options.routes, { prefix: options.routesPrefix ?? '' })
  }
  return app
}
