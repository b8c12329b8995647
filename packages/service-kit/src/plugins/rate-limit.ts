import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { commonError } from '../errors/app-error.js'

export interface RateLimitPluginOptions {
  readonly max: number
  readonly timeWindowMs: number
}

async function rateLimitPlugin(app: FastifyInstance, options: RateLimitPluginOptions): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: options.max,
    timeWindow: options.timeWindowMs,
    // The default key is request.ip, which is the client only because trustProxy lists the proxy alone.
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000))
      return commonError('COMMON_RATE_LIMITED', { headers: { 'retry-after': String(seconds) } })
    },
  })
}

export default fp(rateLimitPlugin, { name: 'rate-limit', fastify: '5.x' })
