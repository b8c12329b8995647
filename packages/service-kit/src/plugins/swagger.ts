import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { BEARER_AUTH, BEARER_AUTH_SCHEME } from '../auth/openapi.js'

export interface SwaggerPluginOptions {
  readonly name: string
  readonly version: string
  readonly description?: string
}

function docsPrefix(name: string): string {
  return `/docs/${name}`
}

async function swaggerPlugin(app: FastifyInstance, options: SwaggerPluginOptions): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: options.name,
        version: options.version,
        ...(options.description ? { description: options.description } : {}),
      },
      // Each service serves its own public prefix, so paths are already absolute behind the proxy.
      servers: [{ url: '/' }],
      // Declared for every service, so routes guarded by the auth plugin can refer to it (`securityFor`).
      components: { securitySchemes: { [BEARER_AUTH]: { ...BEARER_AUTH_SCHEME } } },
    },
    // Shared schemas keep their $id as component name (`#/components/schemas/Problem`), not `def-0`.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  })

  const prefix = docsPrefix(options.name)
  await app.register(swaggerUi, {
    routePrefix: prefix,
    uiConfig: { deepLinking: true, docExpansion: 'list' },
    validatorUrl: false,
  })

  // The stable address of the document for tools and other services; swagger-ui itself reads `./json`.
  app.get(`${prefix}/openapi.json`, { schema: { hide: true } }, () => app.swagger())
}

export default fp(swaggerPlugin, { name: 'swagger', fastify: '5.x' })
