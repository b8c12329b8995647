import type { ServerResponse } from 'node:http'
import { resolveLocale } from '@cp/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BODY_CODES, ELIGIBILITY_CODES, problems } from '../errors.js'
import type { OtpSignIn } from '../services/otp-sign-in.js'
import type { PasswordSignIn } from '../services/password-sign-in.js'
import { OtpRequestedResponse, OtpVerifiedResponse, PasswordSignInResponse } from '../schemas/responses.js'
import { OtpRequestBodySchema, OtpVerifyBodySchema, PasswordSignInBodySchema } from '../schemas/sign-in.js'

export interface SignInRoutesOptions {
  readonly signInWithPassword: PasswordSignIn
  readonly otp: OtpSignIn
}

export const signInRoutes: FastifyPluginAsyncTypebox<SignInRoutesOptions> = async (app, { signInWithPassword, otp }) => {
  // Token responses must never be stored by a cache (RFC 6749 §5.1).
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.post(
    '/password/sign-in',
    {
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

  app.post(
    '/otp/request',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Send a one-time sign-in code by SMS or e-mail',
        description:
          'Always 202 with the same body, whether or not an account uses the destination. A code is valid 5 minutes; a new one replaces the previous one and may be asked for after 60 s. At most 5 codes per destination per hour and 10 per day, and 20 requests per client per hour.',
        body: OtpRequestBodySchema,
        response: {
          202: OtpRequestedResponse,
          ...problems(
            ...BODY_CODES,
            'AUTH_INVALID_DESTINATION',
            'AUTH_OTP_RESEND_TOO_SOON',
            'AUTH_OTP_DESTINATION_LIMITED',
            'AUTH_OTP_IP_LIMITED',
            'COMMON_UNAVAILABLE',
          ),
        },
      },
    },
    async (request, reply) => {
      const { destination, role = 'customer' } = request.body
      const locale = resolveLocale(request.headers['accept-language'])
      const afterAnswer = (task: () => void) => runAfterResponse(reply.raw, task)
      const accepted = await otp.requestCode({ destination, role, ip: request.ip, locale, afterAnswer })
      return reply.code(202).send(accepted)
    },
  )

  app.post(
    '/otp/verify',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Sign in with a one-time code',
        description:
          'A customer without an account gets one (verified, active). A consultant must exist and be eligible. Each code allows 5 guesses; each destination 10 failed verifications per hour. A code signs in once: submitting it again (a retry, a double tap, a parallel request) answers 409 AUTH_OTP_ALREADY_USED and is not counted as a failure. When several legacy accounts hold the destination (the same number or address stored in different spellings), 409 AUTH_ACCOUNT_AMBIGUOUS: none of them is guessed at, and no further account is created.',
        body: OtpVerifyBodySchema,
        response: {
          200: OtpVerifiedResponse,
          ...problems(
            ...BODY_CODES,
            'AUTH_INVALID_DESTINATION',
            'AUTH_OTP_INVALID',
            'AUTH_OTP_ALREADY_USED',
            'AUTH_ACCOUNT_AMBIGUOUS',
            'AUTH_ACCOUNT_DISABLED',
            ...ELIGIBILITY_CODES,
            'AUTH_OTP_VERIFY_LIMITED',
            'COMMON_UNAVAILABLE',
          ),
        },
      },
    },
    async (request) => {
      const { destination, code, role = 'customer' } = request.body
      const locale = resolveLocale(request.headers['accept-language'])
      return otp.verifyCode({ destination, code, role, ip: request.ip, locale })
    },
  )
}

/**
 * Runs `task` once, when the response has been handed to the operating system in full ('finish') or its connection
 * ended first ('close'): a code already issued and counted still goes out to a client that hung up.
 */
function runAfterResponse(response: ServerResponse, task: () => void): void {
  let ran = false
  const runOnce = () => {
    if (ran) return
    ran = true
    response.off('finish', runOnce)
    response.off('close', runOnce)
    task()
  }
  response.once('finish', runOnce)
  response.once('close', runOnce)
}
