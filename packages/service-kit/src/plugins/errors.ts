import { resolveLocale } from '@cp/domain'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError, commonError } from '../errors/app-error.js'
import type { ErrorRegistry } from '../errors/error-registry.js'
import { fromFrameworkError } from '../errors/fastify-errors.js'
import { renderProblem } from '../errors/problem.js'
import { PROBLEM_CONTENT_TYPE } from '../schemas/problem.js'

export interface ErrorsPluginOptions {
  readonly registry: ErrorRegistry
  readonly problemTypeBase: string
  /** Recognises outages of a dependency (e.g. the database), answered 503 with Retry-After instead of 500. */
  readonly isUnavailable?: (error: unknown) => boolean
}

/** Seconds a client is asked to wait after a dependency outage. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5

declare module 'fastify' {
  interface FastifyInstance {
    /** Every error code this service can answer with (COMMON and its own catalog). */
    errorRegistry: ErrorRegistry
  }
}

export function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary')
  const fields = typeof current === 'string' ? current.split(',').map((f) => f.trim()).filter(Boolean) : []
  if (fields.includes('*') || fields.some((f) => f.toLowerCase() === field.toLowerCase())) return
  reply.header('vary', [...fields, field].join(', '))
}

function pathOf(url: string): string {
  const end = url.indexOf('?')
  return end === -1 ? url : url.slice(0, end)
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  options: ErrorsPluginOptions,
): FastifyReply {
  let appError = error
  let definition = options.registry.get(error.code)
  if (!definition) {
    request.log.error({ err: error, code: error.code }, 'AppError with a code that no catalog defines')
    appError = commonError('COMMON_INTERNAL', { cause: error })
    definition = options.registry.get('COMMON_INTERNAL')
  }
  if (!definition) throw new Error('The COMMON catalog is missing COMMON_INTERNAL')

  const locale = resolveLocale(request.headers['accept-language'])
  const body = renderProblem(appError, definition, {
    locale,
    requestId: String(request.id),
    instance: pathOf(request.url),
    typeBase: options.problemTypeBase,
  })
  for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value)
  reply.header('content-language', locale)
  addVary(reply, 'Accept-Language')
  return reply.code(definition.status).type(PROBLEM_CONTENT_TYPE).send(body)
}

function errorsPlugin(app: FastifyInstance, options: ErrorsPluginOptions, done: (err?: Error) => void): void {
  app.decorate('errorRegistry', options.registry)

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const known = error instanceof AppError ? error : fromFrameworkError(error)
    if (known) {
      const status = options.registry.get(known.code)?.status ?? 500
      if (status >= 500) request.log.error({ err: error, code: known.code }, 'request failed')
      else request.log.info({ code: known.code, errors: known.errors, reason: error.message }, 'request rejected')
      return sendProblem(request, reply, known, options)
    }
    if (options.isUnavailable?.(error)) {
      request.log.warn({ err: error }, 'dependency unavailable')
      const unavailable = commonError('COMMON_UNAVAILABLE', {
        cause: error,
        headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
      })
      return sendProblem(request, reply, unavailable, options)
    }
    // Anything else is a bug: the stack goes to the log, never to the client.
    request.log.error({ err: error }, 'unexpected error')
    return sendProblem(request, reply, commonError('COMMON_INTERNAL', { cause: error }), options)
  })

  done()
}

export default fp(errorsPlugin, { name: 'errors', fastify: '5.x' })
