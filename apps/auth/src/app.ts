import { createRequire } from 'node:module'
import { databaseServiceOptions, dbPlugin } from '@cp/db'
import { authPlugin, buildService, type ServiceApp, type ServiceLoggerOptions } from '@cp/service-kit'
import { type Clock, systemClock } from './clock.js'
import type { AuthConfig } from './config.js'
import { AUTH_ERRORS } from './errors.js'
import { type CodeSender, createLogSender, createWebhookSender } from './lib/senders.js'
import type { AccountsRepository } from './repositories/accounts-repository.js'
import { authRoutes } from './routes/index.js'
import { type HousekeepingSchedule, type HousekeepingTimers, scheduleHousekeeping } from './services/housekeeping.js'
import { createAuthServices } from './services/index.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

export const AUTH_PREFIX = '/v1/auth'

export interface BuildAuthAppOptions {
  readonly config: AuthConfig
  readonly logger?: false | ServiceLoggerOptions
  /** Replaces the configured code sender (tests read codes from a memory sender). */
  readonly sender?: CodeSender
  /** Replaces the system clock (tests move time instead of waiting). */
  readonly clock?: Clock
  /** Replaces the timers housekeeping is scheduled with (tests run its passes by hand). */
  readonly housekeepingTimers?: HousekeepingTimers
  /** Wraps the accounts repository the services read through (tests slow a lookup down or watch when it starts). */
  readonly wrapAccounts?: (accounts: AccountsRepository) => AccountsRepository
}

/** Builds the auth service without listening; `server.ts` listens, tests inject. */
export async function buildAuthApp(options: BuildAuthAppOptions): Promise<ServiceApp> {
  const { config, logger, sender, clock = systemClock } = options
  const app = await buildService({
    name: 'auth',
    version,
    description:
      'Sign-in by one-time code or password for customers and consultants, access tokens (ES256 JWT, keys in the JWKS), rotating refresh tokens, the current profile and push devices.',
    config,
    ...(logger === undefined ? {} : { logger }),
    errors: AUTH_ERRORS,
    ...databaseServiceOptions,
  })
  if (config.ephemeralSecrets) {
    app.log.warn('development: signing key or OTP pepper generated at start-up; tokens and codes die with this process')
  }
  // Everything in auth reads what it (or a concurrent sign-in) just wrote: the primary only, never a replica.
  await app.register(dbPlugin, { config: { ...config, DATABASE_REPLICA_URLS: '' }, metrics: app.metrics.db })
  // This service verifies its own tokens like every other service does, with its own keys instead of a JWKS fetch.
  await app.register(authPlugin, {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_OWN_AUDIENCE,
    publicKeyPem: config.keys.verificationKeys.map((key) => key.publicKeyPem).join('\n'),
    clockToleranceSec: config.AUTH_CLOCK_TOLERANCE_SEC,
    // Tokens are stamped with the service clock, so they are judged by it too.
    now: () => clock().getTime(),
  })

  const services = createAuthServices({
    config,
    db: app.db,
    sender: sender ?? createConfiguredSender(config, app),
    clock,
    log: app.log,
    ...(options.wrapAccounts ? { wrapAccounts: options.wrapAccounts } : {}),
  })
  let housekeeping: HousekeepingSchedule | undefined
  if (config.AUTH_HOUSEKEEPING_INTERVAL_SECONDS > 0) {
    app.addHook('onReady', async () => {
      housekeeping = scheduleHousekeeping({
        intervalMs: config.AUTH_HOUSEKEEPING_INTERVAL_SECONDS * 1000,
        run: services.housekeeping.runOnce,
        log: app.log,
        ...(options.housekeepingTimers ? { timers: options.housekeepingTimers } : {}),
      })
    })
  }
  // Added after the database plugin, so it runs before the database is closed (onClose hooks run last-in first-out).
  app.addHook('onClose', async () => {
    await housekeeping?.stop()
    await services.otp.drain()
  })
  // Codes go out after the answer (see otp-sign-in.ts); tests, and anything else that must know a code was sent or
  // withheld, wait for deliveries in flight with this.
  app.decorate('drainCodeDeliveries', () => services.otp.drain())
  await app.register(authRoutes, { prefix: AUTH_PREFIX, services })
  return app
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves once every code delivery started so far has been sent, withheld or has failed. */
    drainCodeDeliveries(): Promise<void>
  }
}

function createConfiguredSender(config: AuthConfig, app: ServiceApp): CodeSender {
  if (config.sender.kind === 'webhook') {
    const { url, secret, timeoutMs } = config.sender
    return createWebhookSender({ url, secret, timeoutMs })
  }
  return createLogSender(app.log)
}
