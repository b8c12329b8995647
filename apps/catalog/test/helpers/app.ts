import { createTestDatabase } from '@cp/db/testing'
import type { ServiceApp, ServiceLoggerOptions } from '@cp/service-kit'
import type { Test } from 'tap'
import { buildCatalogApp } from '../../src/app.js'
import { loadCatalogConfig } from '../../src/config.js'

export const CONTENT_URL = 'https://cdn.example.test/media/'

/** The catalog on its own freshly migrated database; both are gone when the test ends. */
export async function buildTestCatalog(t: Test, env: Record<string, string> = {}, logger: false | ServiceLoggerOptions = false) {
  const database = await createTestDatabase(t, { connect: true })
  const config = loadCatalogConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    CONTENT_URL,
    RATE_LIMIT_MAX: '10000',
    // Most tests change rows between requests and expect to see it at once; test/answer-cache.test.ts turns it on.
    CATALOG_ANSWER_CACHE_SECONDS: '0',
    ...env,
  })
  const app: ServiceApp = await buildCatalogApp({ config, logger })
  t.teardown(() => app.close())
  await app.ready()
  return { app, prisma: database.db.prisma, db: database.db, config }
}
