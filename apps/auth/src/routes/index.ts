import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createAuthenticate } from '../plugins/authenticate.js'
import type { AuthServices } from '../services/index.js'
import { currentDeviceRoutes } from './devices/current.js'
import { logoutRoutes } from './logout.js'
import { meRoute } from './me.js'
import { otpRequestRoute } from './otp/request.js'
import { otpVerifyRoute } from './otp/verify.js'
import { passwordSignInRoute } from './password/sign-in.js'
import { tokenRefreshRoute } from './token/refresh.js'
import { jwksRoute } from './well-known/jwks.js'

export interface AuthRoutesOptions {
  readonly services: AuthServices
}

/** One file (or folder) per URL; registered in the order of the OpenAPI document. */
export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { services }) => {
  const { config, sessions, accounts, devices, clock } = services
  // service-kit's token check, then this service's own session and account checks.
  const authenticate = createAuthenticate(app.requireAuth, sessions)
  await app.register(jwksRoute, { keys: config.keys, maxAgeSeconds: config.AUTH_JWKS_MAX_AGE })
  await app.register(passwordSignInRoute, { signInWithPassword: services.signInWithPassword })
  await app.register(otpRequestRoute, { otp: services.otp })
  await app.register(otpVerifyRoute, { otp: services.otp })
  await app.register(tokenRefreshRoute, { sessions })
  await app.register(logoutRoutes, { sessions, authenticate })
  await app.register(meRoute, { accounts, authenticate, contentUrl: config.CONTENT_URL })
  await app.register(currentDeviceRoutes, { devices, authenticate, clock })
}
