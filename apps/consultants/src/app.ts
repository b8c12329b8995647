import { databaseServiceOptions, dbPlugin } from '@cp/db'
import {
  authOptionsFromConfig,
  authPlugin,
  buildService,
  type ServiceApp,
  type ServiceLoggerOptions,
} from '@cp/service-kit'
import { createRequire } from 'node:module'
import type { ConsultantsConfig } from './config.js'
import { CONSULTANTS_ERRORS } from './errors.js'
import { createTotalCache, createTtlCache } from './lib/total-cache.js'
import { createAvailabilityRepository } from './repositories/availability-repository.js'
import { createConsultantsRepository } from './repositories/consultants-repository.js'
import { createProfileRepository } from './repositories/profile-repository.js'
import { consultantsRoutes, type PublicProfileCache } from './routes/index.js'
import { meRoutes } from './routes/me.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

export const CONSULTANTS_PREFIX = '/v1/consultants'

export interface BuildConsultantsAppOptions {
  readonly config: ConsultantsConfig
  readonly logger?: false | ServiceLoggerOptions
  /** The clock; tests fix it so "today" and "already started" do not depend on when they run. */
  readonly now?: () => Date
}

/** Builds the consultants service without listening; `server.ts` listens, tests inject. */
export async function buildConsultantsApp({ config, logger, now }: BuildConsultantsAppOptions): Promise<ServiceApp> {
  // Checked before anything starts: exactly one key source, and a PEM that parses.
  const authOptions = authOptionsFromConfig(config, 'consultants')
  const clock = now ?? (() => new Date())
  const profiles: PublicProfileCache = createTtlCache({
    ttlMs: config.CONSULTANTS_PROFILE_CACHE_SECONDS * 1000,
    maxEntries: 1000,
  })
  const app = await buildService({
    name: 'consultants',
    version,
    description: 'Bookable consultants: list, public profile, free slots, and the signed-in consultant\'s own profile.',
    config,
    ...(logger === undefined ? {} : { logger }),
    errors: CONSULTANTS_ERRORS,
    ...databaseServiceOptions,
  })
  await app.register(dbPlugin, { config, metrics: app.metrics.db })
  await app.register(authPlugin, authOptions)
  // `/me` is a static route, so the router prefers it to `/:id` whatever the registration order. The primary serves
  // it: a consultant reads their own profile right after changing it.
  await app.register(meRoutes, {
    prefix: CONSULTANTS_PREFIX,
    profiles: createProfileRepository(app.db),
    // This instance shows a consultant's own change on their public profile at once; others within the TTL.
    onProfileChanged: (consultantId) => profiles.forget(String(consultantId)),
    contentUrl: config.CONTENT_URL,
    timeZone: config.PLATFORM_TIME_ZONE,
    now: clock,
  })
  // Public reads (list, detail, availability): a read replica may serve them.
  await app.register(consultantsRoutes, {
    prefix: CONSULTANTS_PREFIX,
    consultants: createConsultantsRepository(app.dbReadRows),
    availability: createAvailabilityRepository(app.dbRead),
    totals: createTotalCache({ ttlMs: config.CONSULTANTS_TOTAL_CACHE_SECONDS * 1000, maxEntries: 1000 }),
    profiles,
    contentUrl: config.CONTENT_URL,
    timeZone: config.PLATFORM_TIME_ZONE,
    now: clock,
  })
  return app
}
