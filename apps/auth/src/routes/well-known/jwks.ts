import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problems } from '../../errors.js'
import type { KeySet } from '../../lib/keys.js'
import { JwksResponse } from '../../schemas/responses.js'

export interface JwksRouteOptions {
  readonly keys: KeySet
  readonly maxAgeSeconds: number
}

export const jwksRoute: FastifyPluginAsyncTypebox<JwksRouteOptions> = async (app, { keys, maxAgeSeconds }) => {
  // Built once: the key set is fixed for the life of the process (a rotation is a configuration change and a restart).
  const body = keys.toJwks()

  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['keys'],
        summary: 'The public keys that verify access tokens (JWKS)',
        description:
          'Verifiers cache this document; a new key is published here before it starts signing and an old one stays until its tokens have expired.',
        response: { 200: JwksResponse, ...problems() },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${maxAgeSeconds}`)
      return body
    },
  )
}
