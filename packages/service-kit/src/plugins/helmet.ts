import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export interface HelmetPluginOptions {
  /** Over plain HTTP (local development) `upgrade-insecure-requests` would break the docs UI's assets. */
  readonly upgradeInsecureRequests: boolean
}

async function helmetPlugin(app: FastifyInstance, options: HelmetPluginOptions): Promise<void> {
  await app.register(helmet, {
    global: true,
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
  })
}

export default fp(helmetPlugin, { name: 'helmet', fastify: '5.x' })
