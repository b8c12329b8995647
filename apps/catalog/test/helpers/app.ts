import { createTestDatabase } from '@cp/db/testing'
import type { ServiceApp } from '@cp/service-kit'
import type { Test } from 'tap'
import { buildCatalogApp } from '../../src/app.js'
import { loadCatalogConfig } from '../../src/config.js'

export const CONTENT_URL = 'https://cdn.example.test/media/'

/** The catalog on its own freshly migrated database; both are gone when the test ends. */
export async function buildTestCatalog(t: Test, env: Record<string, string> = {}) {
  const database = await createTestDatabase(t, { connect: true })
  const config = loadCatalogConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    CONTENT_URL,
    RATE_LIMIT_MAX: '10000',
    ...env,
  })
  const app: ServiceApp = await buildCatalogApp({ config, logger: false })
  t.teardown(() => app.close())
  await app.ready()
  return { app, prisma: database.db.prisma, config }
}
