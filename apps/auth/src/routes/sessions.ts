import { securityFor } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BODY_CODES, ELIGIBILITY_CODES, problems, SIGNED_IN_CODES } from '../errors.js'
import { type Authenticate, callerOf } from '../plugins/authenticate.js'
import { RefreshedResponse } from '../schemas/responses.js'
import { RefreshBodySchema } from '../schemas/sign-in.js'
import type { SessionService } from '../services/session-service.js'

export interface SessionRoutesOptions {
  readonly sessions: SessionService
  readonly authenticate: Authenticate
}

const NoContent = Type.Null({ description: 'Done' })

export const sessionRoutes: FastifyPluginAsyncTypebox<SessionRoutesOptions> = async (app, { sessions, authenticate }) => {
  app.post(
    '/token/refresh',
    {
      onSend: async (_request, reply) => {
        reply.header('cache-control', 'no-store')
      },
      schema: {
        tags: ['sessions'],
        summary: 'Exchange a refresh token for a new pair (rotation)',
        description:
          'Every refresh rotates the refresh token. The previous token replayed within 10 seconds returns the same new pair; any other reuse ends the session (401 AUTH_REFRESH_REUSED). Sessions end 30 days (customers) or 14 days (consultants) after sign-in, or after 14 idle days. Disabled accounts and ineligible consultants cannot refresh.',
        body: RefreshBodySchema,
        response: {
          200: RefreshedResponse,
          ...problems(
            ...BODY_CODES,
            'AUTH_REFRESH_INVALID',
            'AUTH_REFRESH_REUSED',
            'AUTH_SESSION_EXPIRED',
            'AUTH_SESSION_ENDED',
            'AUTH_ACCOUNT_DISABLED',
            ...ELIGIBILITY_CODES,
            'COMMON_UNAVAILABLE',
          ),
        },
      },
    },
    async (request) => sessions.refresh(request.body.refreshToken),
  )

  const logoutRoutes = [
    {
      url: '/logout',
      everywhere: false,
      summary: 'End this session',
      description: "Its refresh token stops working at once and its push device is removed. Access tokens run out within 15 minutes.",
    },
    {
      url: '/logout/all',
      everywhere: true,
      summary: 'End every session of the account',
      description: 'Every refresh token of the account stops working and every push device of the account is removed.',
    },
  ]
  for (const { url, everywhere, summary, description } of logoutRoutes) {
    app.post(
      url,
      {
        onRequest: authenticate,
        schema: {
          tags: ['sessions'],
          summary,
          description,
          ...securityFor('signedIn', { 204: NoContent, ...problems(...SIGNED_IN_CODES) }),
        },
      },
      async (request, reply) => {
        const caller = callerOf(request)
        await sessions.logout({ sessionId: caller.sessionId, customerId: caller.customerId }, everywhere)
        return reply.code(204).send(null)
      },
    )
  }
}
