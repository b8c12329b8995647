import type { CalendarDate } from '@cp/domain'
import type { PrismaClient } from '../generated/prisma/client.js'
import { seedAccounts, seedConsultants } from './account-seed.js'
import { seedActivity } from './activity-seed.js'
import { seedCatalog, seedSettings } from './catalog-seed.js'
import { seedClock } from './clock.js'
import type { SeedTally } from './tally.js'

export interface SeedScenariosOptions {
  /** The instant the seed treats as now; contract, license and appointment dates are relative to its day. */
  now?: Date
}

export interface SeedScenariosResult {
  /** The day (platform time zone) the dates were computed from. */
  today: CalendarDate
  tally: SeedTally
}

/**
 * Creates or converges the business scenarios: settings, catalog, scenario accounts, one consultant per
 * eligibility rule with its order, contract and license, and schedules, appointments and reviews. Idempotent: rows
 * are found by natural keys (e-mail or phone, English names, setting keys, labels) and only differing columns are
 * updated, so a second run on the same day writes nothing. One transaction: a failure leaves no half-seeded state.
 */
export async function seedScenarios(
  prisma: PrismaClient,
  options: SeedScenariosOptions = {},
): Promise<SeedScenariosResult> {
  const clock = seedClock(options.now)
  const tally: SeedTally = {}
  await prisma.$transaction(
    async (tx) => {
      await seedSettings(tx, tally)
      const catalog = await seedCatalog(tx, tally)
      const accounts = await seedAccounts(tx, tally)
      const consultants = await seedConsultants(tx, tally, clock, catalog, accounts)
      await seedActivity(tx, tally, clock, catalog, accounts, consultants)
    },
    { maxWait: 10_000, timeout: 120_000 },
  )
  return { today: clock.today, tally }
}
