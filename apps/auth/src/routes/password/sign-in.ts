import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BODY_CODES, ELIGIBILITY_CODES, problems } from '../../errors.js'
import { PasswordSignInResponse } from '../../schemas/responses.js'
import { PasswordSignInBodySchema } from '../../schemas/sign-in.js'
import type { PasswordSignIn } from '../../services/password-sign-in.js'
import { noStore } from '../no-store.js'

export interface PasswordSignInRouteOptions {
  readonly signInWithPassword: PasswordSignIn
}

export const passwordSignInRoute: FastifyPluginAsyncTypebox<PasswordSignInRouteOptions> = async (
  app,
  { signInWithPassword },
) => {
  app.post(
    '/password/sign-in',
    {
      onSend: noStore,
      schema: {
        tags: ['sign-in'],
        summary: 'Sign in with e-mail or mobile number and password',
        description:
          'Unknown accounts and wrong passwords get the same 401. After 5 failures for one login each attempt must wait longer; 10 failures in 15 minutes lock it for 15 minutes; 50 failures in 15 minutes from one client IP (or IPv6 /64), whatever the accounts, answer 429 until the oldest leaves the window. A consultant must be eligible (403 with the reason, only after the password is proven).',
        body: PasswordSignInBodySchema,
        response: {
          200: PasswordSignInResponse,
          ...problems(
            ...BODY_CODES,
            'AUTH_INVALID_DESTINATION',
            'AUTH_PASSWORD_TOO_LONG',
            'AUTH_INVALID_CREDENTIALS',
            'AUTH_ACCOUNT_AMBIGUOUS',
            'AUTH_ACCOUNT_DISABLED',
            ...ELIGIBILITY_CODES,
            'AUTH_SIGN_IN_DELAYED',
            'AUTH_SIGN_IN_LOCKED',
            'AUTH_SIGN_IN_IP_LIMITED',
            'COMMON_UNAVAILABLE',
          ),
        },
      },
    },
    async (request) => {
      const { login, password, role = 'customer' } = request.body
      return signInWithPassword({ login, password, role, ip: request.ip })
    },
  )
}
