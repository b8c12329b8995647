import { mapConsultantToProfile, mapCustomerToProfile } from '@cp/domain'
import { negotiateLanguage, securityFor } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { authError, problems, SIGNED_IN_CODES } from '../errors.js'
import { type Authenticate, callerOf } from '../plugins/authenticate.js'
import type { AccountsRepository } from '../repositories/accounts-repository.js'
import { MeResponse } from '../schemas/responses.js'

export interface MeRouteOptions {
  readonly accounts: AccountsRepository
  readonly authenticate: Authenticate
  readonly contentUrl: string
}

export const meRoute: FastifyPluginAsyncTypebox<MeRouteOptions> = async (app, { accounts, authenticate, contentUrl }) => {
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
}
