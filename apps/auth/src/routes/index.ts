import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createAuthenticate } from '../plugins/authenticate.js'
import type { AuthServices } from '../services/index.js'
import { accountRoutes } from './account.js'
import { jwksRoutes } from './jwks.js'
import { sessionRoutes } from './sessions.js'
import { signInRoutes } from './sign-in.js'

export interface AuthRoutesOptions {
  readonly services: AuthServices
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { services }) => {
  const { config } = services
  // service-kit's token check, then this service's own session and account checks.
  const authenticate = createAuthenticate(app.requireAuth, services.sessions)
  await app.register(jwksRoutes, { keys: config.keys, maxAgeSeconds: config.AUTH_JWKS_MAX_AGE })
  await app.register(signInRoutes, { signInWithPassword: services.signInWithPassword, otp: services.otp })
  await app.register(sessionRoutes, { sessions: services.sessions, authenticate })
  await app.register(accountRoutes, {
    accounts: services.accounts,
    devices: services.devices,
    authenticate,
    contentUrl: config.CONTENT_URL,
    clock: services.clock,
  })
}
