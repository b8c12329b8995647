import { dbPlugin } from '@cp/db'
import { AppError, buildService, type ServiceApp, type ServiceLoggerOptions } from '@cp/service-kit'
import { createRequire } from 'node:module'
import type { ConsultantsConfig } from './config.js'
import { CONSULTANTS_ERRORS } from './errors.js'
import { createAvailabilityRepository } from './repositories/availability-repository.js'
import { createConsultantsRepository } from './repositories/consultants-repository.js'
import { consultantsRoutes } from './routes/index.js'

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
  const app = await buildService({
    name: 'consultants',
    version,
    description: 'Bookable consultants: list, public profile, free slots, and the signed-in consultant\'s own profile.',
    config,
    ...(logger === undefined ? {} : { logger }),
    errors: CONSULTANTS_ERRORS,
    readiness: async ({ app }) => {
      const health = await app.dbHealth()
      if (!health.ok) throw new AppError('COMMON_UNAVAILABLE', { detail: 'The database does not answer' })
      return { database: 'ok' }
    },
  })
  await app.register(dbPlugin, { config })
  await app.register(consultantsRoutes, {
    prefix: CONSULTANTS_PREFIX,
    consultants: createConsultantsRepository(app.db),
    availability: createAvailabilityRepository(app.db),
    contentUrl: config.CONTENT_URL,
    timeZone: config.PLATFORM_TIME_ZONE,
    now: now ?? (() => new Date()),
  })
  return app
}
