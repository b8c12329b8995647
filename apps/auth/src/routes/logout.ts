import { securityFor } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { problems, SIGNED_IN_CODES } from '../errors.js'
import { type Authenticate, callerOf } from '../plugins/authenticate.js'
import type { SessionService } from '../services/session-service.js'

export interface LogoutRoutesOptions {
  readonly sessions: SessionService
  readonly authenticate: Authenticate
}

const NoContent = Type.Null({ description: 'Done' })

/** `/logout` and `/logout/all`. */
export const logoutRoutes: FastifyPluginAsyncTypebox<LogoutRoutesOptions> = async (app, { sessions, authenticate }) => {
  const routes = [
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
  for (const { url, everywhere, summary, description } of routes) {
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
