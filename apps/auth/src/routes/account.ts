import { mapConsultantToProfile, mapCustomerToProfile } from '@cp/domain'
import { negotiateLanguage, securityFor } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Clock } from '../clock.js'
import { authError, BODY_CODES, problems, SIGNED_IN_CODES } from '../errors.js'
import { type Authenticate, callerOf } from '../plugins/authenticate.js'
import { POLICY } from '../policy.js'
import type { AccountsRepository } from '../repositories/accounts-repository.js'
import type { DevicesRepository } from '../repositories/devices-repository.js'
import { DeviceBodySchema } from '../schemas/account.js'
import { MeResponse } from '../schemas/responses.js'

export interface AccountRoutesOptions {
  readonly accounts: AccountsRepository
  readonly devices: DevicesRepository
  readonly authenticate: Authenticate
  readonly contentUrl: string
  readonly clock: Clock
}


export const accountRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (app, options) => {
  const { accounts, devices, authenticate, contentUrl, clock } = options

  app.get(
    '/me',
    {
      onRequest: authenticate,
      schema: {
        tags: ['account'],
        summary: 'The signed-in account',
        description: 'The customer profile; for a consultant session also the consultant profile.',
        ...securityFor('signedIn', { 200: MeResponse, ...problems(...SIGNED_IN_CODES) }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      // The profile is the caller's own: it varies on the token as well as on the language.
      reply.header('vary', 'Authorization')
      const locale = negotiateLanguage(request, reply)
      const customer = await accounts.findProfile(caller.customerId)
      // The session is open, so the account existed at sign-in; a row deleted since is a session without a subject.
      if (!customer) throw authError('AUTH_SESSION_ENDED')
      const consultant = caller.consultantId === null ? null : await accounts.findConsultant(caller.consultantId)
      reply.header('cache-control', 'private, no-store')
      return {
        ...mapCustomerToProfile(customer, { contentUrl }),
        role: caller.role,
        consultant: consultant ? mapConsultantToProfile(consultant, customer, { contentUrl, locale }) : null,
      }
    },
  )

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
