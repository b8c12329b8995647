import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { commonError } from '../errors/app-error.js'
import { ProblemRef, PROBLEM_CONTENT_TYPE } from '../schemas/problem.js'

/** What each dependency reported, e.g. `{ database: 'ok' }`. */
export type ReadinessChecks = Record<string, string>

export interface ReadinessContext {
  readonly app: FastifyInstance
  /** Aborted when the check has taken too long; pass it on to queries that accept one. */
  readonly signal: AbortSignal
}

export type ReadinessCheck = (context: ReadinessContext) => Promise<ReadinessChecks | void>

export interface HealthPluginOptions {
  /** The service's own version (from its package.json), so a probe tells which build answered. */
  readonly version: string
  readonly readiness?: ReadinessCheck
  readonly readinessTimeoutMs: number
}

const LiveSchema = Type.Object({ status: Type.Literal('ok'), version: Type.String() })
const ReadySchema = Type.Object({
  status: Type.Literal('ready'),
  version: Type.String(),
  checks: Type.Record(Type.String(), Type.String()),
})
const Unavailable = { content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemRef } } }

class ReadinessTimeoutError extends Error {
  constructor(ms: number) {
    super(`readiness check did not answer within ${ms} ms`)
    this.name = 'ReadinessTimeoutError'
  }
}

async function healthPlugin(fastify: FastifyInstance, options: HealthPluginOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const readiness = options.readiness ?? (async () => ({}))
  // Probes arriving together share one check; it is forgotten once it settles or times out,
  // so a hung dependency does not pin the answer and the next probe tries again.
  let inFlight: Promise<ReadinessChecks> | undefined

  const check = (): Promise<ReadinessChecks> => {
    if (inFlight) return inFlight
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new ReadinessTimeoutError(options.readinessTimeoutMs)
        controller.abort(error)
        reject(error)
      }, options.readinessTimeoutMs)
    })
    const attempt = Promise.resolve()
      .then(() => readiness({ app: fastify, signal: controller.signal }))
      .then((checks) => checks ?? {})
    inFlight = Promise.race([attempt, timeout]).finally(() => {
      clearTimeout(timer)
      inFlight = undefined
    })
    return inFlight
  }

  app.get(
    '/health/live',
    { schema: { hide: true, response: { 200: LiveSchema } }, config: { rateLimit: false } },
    async () => ({ status: 'ok' as const, version: options.version }),
  )

  app.get(
    '/health/ready',
    {
      schema: { hide: true, response: { 200: ReadySchema, 503: Unavailable } },
      config: { rateLimit: false },
    },
    async (request) => {
      try {
        return { status: 'ready' as const, version: options.version, checks: await check() }
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed')
        throw commonError('COMMON_UNAVAILABLE', { cause: error })
      }
    },
  )
}

export default fp(healthPlugin, { name: 'health', fastify: '5.x' })
