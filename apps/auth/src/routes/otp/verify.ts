import { resolveLocale } from '@cp/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BODY_CODES, ELIGIBILITY_CODES, problems } from '../../errors.js'
import { OtpVerifiedResponse } from '../../schemas/responses.js'
import { OtpVerifyBodySchema } from '../../schemas/sign-in.js'
import { noStore } from '../no-store.js'
import type { OtpRouteOptions } from './request.js'

export const otpVerifyRoute: FastifyPluginAsyncTypebox<OtpRouteOptions> = async (app, { otp }) => {
  app.post(
    '/otp/verify',
    {
      onSend: noStore,
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
