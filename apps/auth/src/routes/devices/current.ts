import { securityFor } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Clock } from '../../clock.js'
import { authError, BODY_CODES, problems, SIGNED_IN_CODES } from '../../errors.js'
import { type Authenticate, callerOf } from '../../plugins/authenticate.js'
import { POLICY } from '../../policy.js'
import type { DevicesRepository } from '../../repositories/devices-repository.js'
import { DeviceBodySchema } from '../../schemas/account.js'

export interface CurrentDeviceRoutesOptions {
  readonly devices: DevicesRepository
  readonly authenticate: Authenticate
  readonly clock: Clock
}

/** PUT and DELETE `/devices/current`: the push device of the caller's session. */
export const currentDeviceRoutes: FastifyPluginAsyncTypebox<CurrentDeviceRoutesOptions> = async (app, options) => {
  const { devices, authenticate, clock } = options

  app.put(
    '/devices/current',
    {
      onRequest: authenticate,
      schema: {
        tags: ['devices'],
        summary: "Register this session's push device token",
        description: `One device per session (a new token replaces the session's previous one). A token registered by another account moves to this one. An account keeps at most ${POLICY.devices.perAccount} devices; registering more removes the least recently registered. Logout removes the session's device.`,
        body: DeviceBodySchema,
        ...securityFor('signedIn', {
          204: Type.Null({ description: 'Registered' }),
          ...problems(...SIGNED_IN_CODES, ...BODY_CODES),
        }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const registered = await devices.register({
        customerId: caller.customerId,
        sessionId: caller.sessionId,
        token: request.body.token,
        platform: request.body.platform,
        now: clock(),
        maxPerAccount: POLICY.devices.perAccount,
      })
      if (!registered) throw authError('AUTH_SESSION_ENDED')
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/devices/current',
    {
      onRequest: authenticate,
      schema: {
        tags: ['devices'],
        summary: "Remove this session's push device token",
        ...securityFor('signedIn', {
          204: Type.Null({ description: 'Removed (or there was none)' }),
          ...problems(...SIGNED_IN_CODES),
        }),
      },
    },
    async (request, reply) => {
      await devices.removeForSession(callerOf(request).sessionId)
      return reply.code(204).send(null)
    },
  )
}
