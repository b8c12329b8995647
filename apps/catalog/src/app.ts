import { databaseServiceOptions, dbPlugin } from '@cp/db'
import { buildService, type ServiceApp, type ServiceLoggerOptions } from '@cp/service-kit'
import { createRequire } from 'node:module'
import type { CatalogConfig } from './config.js'
import { CATALOG_ERRORS } from './errors.js'
import { createAnswerCache } from './plugins/answer-cache.js'
import { createCategoriesRepository } from './repositories/categories-repository.js'
import { catalogRoutes } from './routes/index.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

export const CATALOG_PREFIX = '/v1/catalog'

export interface BuildCatalogAppOptions {
  readonly config: CatalogConfig
  readonly logger?: false | ServiceLoggerOptions
}

/** Builds the catalog service without listening; `server.ts` listens, tests inject. */
export async function buildCatalogApp({ config, logger }: BuildCatalogAppOptions): Promise<ServiceApp> {
  const app = await buildService({
    name: 'catalog',
    version,
    description: 'Consultation and service categories of the platform, in Arabic and English.',
    config,
    ...(logger === undefined ? {} : { logger }),
    errors: CATALOG_ERRORS,
    ...databaseServiceOptions,
  })
  await app.register(dbPlugin, { config, metrics: app.metrics.db })
  await app.register(catalogRoutes, {
    prefix: CATALOG_PREFIX,
    // Public, cacheable reads: a read replica may serve them.
    repository: createCategoriesRepository(app.dbReadRows),
    contentUrl: config.CONTENT_URL,
    cacheMaxAge: config.CATALOG_CACHE_MAX_AGE,
    answers: createAnswerCache({ ttlMs: config.CATALOG_ANSWER_CACHE_SECONDS * 1000 }),
  })
  return app
}
