import { createTestDatabase } from '@cp/db/testing'
import { type ConsultantScenarioName, findScenario, seedScenarios, seedVolume, type SeedVolumeOptions } from '@cp/db/seed'
import type { ServiceApp } from '@cp/service-kit'
import { TEST_ISSUER } from '@cp/service-kit/testing'
import type { Test } from 'tap'
import { buildConsultantsApp } from '../../src/app.js'
import { loadConsultantsConfig } from '../../src/config.js'
import { TEST_KEY } from './tokens.js'

export const CONTENT_URL = 'https://cdn.example.test/media/'
export const TIME_ZONE = 'Asia/Riyadh'
/** Wednesday 2 December 2026, 10:00 in Riyadh: the clock of the app and of the seed in every test. */
export const NOW = new Date('2026-12-02T07:00:00Z')
export const BASE = '/v1/consultants'

export interface TestConsultantsOptions {
  readonly env?: Record<string, string>
  /** Also the volume seed, with statistics refreshed so the optimiser plans as it would on a real table. */
  readonly volume?: Pick<SeedVolumeOptions, 'customers' | 'consultants'>
}

/**
 * The consultants service on its own freshly migrated database holding the seeded business scenarios (dates
 * relative to NOW); both are gone when the test ends.
 */
export async function buildTestConsultants(t: Test, { env = {}, volume }: TestConsultantsOptions = {}) {
  const database = await createTestDatabase(t, { connect: true })
  const prisma = database.db.prisma
  await seedScenarios(prisma, { now: NOW })
  if (volume) {
    await seedVolume(database.url, { ...volume, now: NOW })
    await prisma.$queryRawUnsafe(
      'ANALYZE TABLE consultants, customers, consultations_orders, consultant_contract, consultant_licenses',
    )
  }
  const config = loadConsultantsConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    CONTENT_URL,
    PLATFORM_TIME_ZONE: TIME_ZONE,
    RATE_LIMIT_MAX: '10000',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_PUBLIC_KEY_PEM: TEST_KEY.publicKeyPem,
    ...env,
  })
  const app: ServiceApp = await buildConsultantsApp({ config, logger: false, now: () => NOW })
  t.teardown(() => app.close())
  await app.ready()
  return { app, prisma, config, databaseUrl: database.url }
}

export async function consultantIdOf(prisma: Parameters<typeof findScenario>[0], name: ConsultantScenarioName) {
  return (await findScenario(prisma, name)).consultantId
}
