import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BODY_CODES, ELIGIBILITY_CODES, problems } from '../../errors.js'
import { RefreshedResponse } from '../../schemas/responses.js'
import { RefreshBodySchema } from '../../schemas/sign-in.js'
import type { SessionService } from '../../services/session-service.js'
import { noStore } from '../no-store.js'

export interface SessionRouteOptions {
  readonly sessions: SessionService
}

export const tokenRefreshRoute: FastifyPluginAsyncTypebox<SessionRouteOptions> = async (app, { sessions }) => {
  app.post(
    '/token/refresh',
    {
      onSend: noStore,
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
}
