import { defineErrors } from '@cp/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Test } from 'tap'
import {
  type AuthPluginOptions,
  authPlugin,
  buildService,
  problemResponsesFor,
  securityFor,
  type ServiceApp,
} from '../../src/index.js'
import { testConfig } from '../helpers/test-app.js'
import { TEST_AUDIENCE, TEST_ISSUER } from '../../src/testing/index.js'

export const GUARDED_ERRORS = defineErrors({
  CONSULTANTS_NOT_OWNER: { status: 403, title: { en: 'Not your profile', ar: 'ليس ملفك الشخصي' } },
})
const problems = problemResponsesFor(GUARDED_ERRORS)

const AuthSchema = Type.Object({
  userId: Type.Integer(),
  role: Type.String(),
  consultantId: Type.Optional(Type.Integer()),
  sessionId: Type.String(),
  tokenId: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
})

/** A service as consultants or catalog would build it: the kit, the auth plugin, guarded and open routes. */
export async function buildGuardedApp(t: Test, auth: Partial<AuthPluginOptions>): Promise<ServiceApp> {
  const app = await buildService({ name: TEST_AUDIENCE, version: '1.0.0', config: testConfig(), logger: false, errors: GUARDED_ERRORS })
  await app.register(authPlugin, { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, ...auth })
  const guardedRoutes: FastifyPluginAsyncTypebox = async (routes) => {
    routes.get(
      '/me',
      { onRequest: routes.requireAuth, schema: { tags: ['me'], ...securityFor('signedIn', { 200: AuthSchema, ...problems() }) } },
      async (request) => ({ ...request.auth, expiresAt: request.auth.expiresAt.toISOString() }),
    )
    routes.get(
      '/me/consultant',
      {
        onRequest: routes.requireConsultant,
        schema: {
          tags: ['me'],
          ...securityFor('consultant', { 200: Type.Object({ consultantId: Type.Integer() }), ...problems('CONSULTANTS_NOT_OWNER') }),
        },
      },
      async (request) => ({ consultantId: request.consultantAuth.consultantId }),
    )
    routes.get('/me/late', { preHandler: routes.requireAuth, schema: { hide: true } }, async (request) => ({
      userId: request.auth.userId,
    }))
    routes.post(
      '/notes',
      {
        onRequest: routes.requireAuth,
        schema: { body: Type.Object({ text: Type.String({ minLength: 1 }) }, { additionalProperties: false }), hide: true },
      },
      async (request, reply) => reply.code(201).send({ by: request.auth.userId, text: request.body.text }),
    )
    routes.get('/open', { schema: { hide: true } }, async (request) => ({ userId: request.auth.userId }))
  }
  await app.register(guardedRoutes, { prefix: '/v1/consultants' })
  t.teardown(() => app.close())
  return app
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
