import type { CatalogIds, SeedClient } from './catalog-seed.js'
import type { SeedClock } from './clock.js'
import { CONSULTANT_PROFILES, seededRating } from './consultant-profiles.js'
import { ensureRow, type RowWriter, syncRows } from './converge.js'
import { legacyPasswordHash } from './passwords.js'
import {
  accountKey,
  CONSULTANT_SCENARIOS,
  type ConsultantScenario,
  type ConsultantScenarioName,
  SCENARIOS,
  type ScenarioName,
} from './scenarios.js'
import type { SeedTally } from './tally.js'

export interface SeededConsultant {
  customerId: number
  consultantId: number
}

/** Every scenario's customer account (consultants' accounts included), by scenario name. */
export async function seedAccounts(prisma: SeedClient, tally: SeedTally): Promise<Map<ScenarioName, number>> {
  const ids = new Map<ScenarioName, number>()
  for (const [name, scenario] of Object.entries(SCENARIOS) as Array<[ScenarioName, (typeof SCENARIOS)[ScenarioName]]>) {
    const existing = await prisma.customer.findUnique({ where: accountKey(scenario) })
    const wanted = {
      firstName: scenario.firstName,
      lastName: scenario.lastName,
      email: scenario.email,
      phone: scenario.phone,
      password: scenario.passwordFormat === null ? null : legacyPasswordHash(scenario.passwordFormat),
      language: scenario.language,
      verifiedStatus: scenario.verifiedStatus,
      accountStatus: scenario.accountStatus,
    }
    const row = await ensureRow(tally, 'customers', existing, wanted, {
      create: (data) => prisma.customer.create({ data }),
      update: (found, data) => prisma.customer.update({ where: { customerId: found.customerId }, data }),
    })
    ids.set(name, row.customerId)
  }
  return ids
}

/** Days from the seed's today of a contract's first and last day, and of a license's expiry. */
const CONTRACT_DAYS = { valid: [-30, 365], expired: [-395, -30], notStarted: [30, 395] } as const
const LICENSE_EXPIRY_DAY = { valid: 365, expired: -30 } as const

/** The consultants rows and, as each scenario needs, its order, contract and license. */
export async function seedConsultants(
  prisma: SeedClient,
  tally: SeedTally,
  clock: SeedClock,
  catalog: CatalogIds,
  accounts: ReadonlyMap<ScenarioName, number>,
): Promise<Map<ConsultantScenarioName, SeededConsultant>> {
  const seeded = new Map<ConsultantScenarioName, SeededConsultant>()
  const scenarios = Object.entries(CONSULTANT_SCENARIOS) as Array<[ConsultantScenarioName, ConsultantScenario]>
  for (const [name, scenario] of scenarios) {
    const customerId = accounts.get(name)
    if (customerId === undefined) throw new Error(`seed: account of scenario ${name} was not created`)
    const profile = CONSULTANT_PROFILES[name]
    const categoryId = profile.category === null ? null : (catalog.categories.get(profile.category) ?? null)
    const existing = await prisma.consultant.findUnique({ where: { customerId } })
    const consultant = await ensureRow(
      tally,
      'consultants',
      existing,
      {
        customerId,
        categoryId,
        branchId: profile.branch === null ? null : (catalog.branches.get(profile.branch) ?? null),
        titleAr: profile.titleAr,
        titleEn: profile.titleEn,
        bioAr: profile.bioAr,
        bioEn: profile.bioEn,
        photo: profile.photo,
        price: profile.price,
        ...seededRating(name),
        onlineStatus: profile.online,
        orderInList: profile.orderInList,
        consultantStatus: scenario.consultantStatus,
        verifiedStatus: profile.verified ? 'Verified' : 'Unverified',
      } as const,
      {
        create: (data) => prisma.consultant.create({ data }),
        update: (found, data) => prisma.consultant.update({ where: { consultantId: found.consultantId }, data }),
      },
    )
    const { consultantId } = consultant
    seeded.set(name, { customerId, consultantId })

    await syncOnlyRow(
      tally,
      'consultations_orders',
      await prisma.consultationOrder.findMany({ where: { customerId }, orderBy: { orderId: 'asc' } }),
      scenario.order && { customerId, categoryId, orderStatus: scenario.order, notes: `seed:${name}` },
      {
        create: (data) => prisma.consultationOrder.create({ data }),
        update: (row, data) => prisma.consultationOrder.update({ where: { orderId: row.orderId }, data }),
        remove: (rows) =>
          prisma.consultationOrder.deleteMany({ where: { orderId: { in: rows.map((row) => row.orderId) } } }),
      },
    )

    const contractDays = scenario.contract && CONTRACT_DAYS[scenario.contract]
    await syncOnlyRow(
      tally,
      'consultant_contract',
      await prisma.consultantContract.findMany({ where: { consultantId }, orderBy: { contractId: 'asc' } }),
      contractDays && {
        consultantId,
        startDate: clock.date(contractDays[0]),
        endDate: clock.date(contractDays[1]),
        commissionRate: '20.00',
        terms: 'Standard consultant agreement (seed data).',
        contractFile: `contracts/seed-${name}.pdf`,
      },
      {
        create: (data) => prisma.consultantContract.create({ data }),
        update: (row, data) => prisma.consultantContract.update({ where: { contractId: row.contractId }, data }),
        remove: (rows) =>
          prisma.consultantContract.deleteMany({ where: { contractId: { in: rows.map((row) => row.contractId) } } }),
      },
    )

    const licenseExpiry = scenario.license && LICENSE_EXPIRY_DAY[scenario.license]
    await syncOnlyRow(
      tally,
      'consultant_licenses',
      await prisma.consultantLicense.findMany({ where: { consultantId }, orderBy: { licenseId: 'asc' } }),
      licenseExpiry !== null && {
        consultantId,
        licenseNumber: `SEED-${name.toUpperCase()}`,
        issuer: 'Ministry of Justice',
        issueDate: clock.date(licenseExpiry - 730),
        expiryDate: clock.date(licenseExpiry),
        licenseFile: `licenses/seed-${name}.pdf`,
      },
      {
        create: (data) => prisma.consultantLicense.create({ data }),
        update: (row, data) => prisma.consultantLicense.update({ where: { licenseId: row.licenseId }, data }),
        remove: (rows) =>
          prisma.consultantLicense.deleteMany({ where: { licenseId: { in: rows.map((row) => row.licenseId) } } }),
      },
    )
  }
  return seeded
}

/**
 * Makes an owner's rows of `table` (a consultant's order, contract or license) exactly the scenario's one row, or
 * none when the scenario has none (`null` or `false`).
 */
async function syncOnlyRow<T extends Record<string, unknown>, D extends Record<string, unknown>>(
  tally: SeedTally,
  table: string,
  existing: readonly T[],
  wanted: D | null | false,
  writer: RowWriter<T, D> & { remove(rows: T[]): Promise<unknown> },
): Promise<void> {
  await syncRows(tally, table, existing, wanted ? [wanted] : [], ONLY_ROW, {
    ...writer,
    remove: async (rows) => {
      await writer.remove(rows)
    },
  })
}

const ONLY_ROW = { ofRow: () => 'only', ofData: () => 'only' }
