import type { ServerResponse } from 'node:http'
import { resolveLocale } from '@cp/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BODY_CODES, problems } from '../../errors.js'
import { OtpRequestedResponse } from '../../schemas/responses.js'
import { OtpRequestBodySchema } from '../../schemas/sign-in.js'
import type { OtpSignIn } from '../../services/otp-sign-in.js'
import { noStore } from '../no-store.js'

export interface OtpRouteOptions {
  readonly otp: OtpSignIn
}

export const otpRequestRoute: FastifyPluginAsyncTypebox<OtpRouteOptions> = async (app, { otp }) => {
  app.post(
    '/otp/request',
    {
      onSend: noStore,
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
