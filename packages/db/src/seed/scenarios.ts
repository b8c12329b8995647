import type { IneligibilityReason } from '@cp/domain'
import type { PrismaClient } from '../generated/prisma/client.js'
import { type LegacyPasswordFormat, SEED_PASSWORD } from './passwords.js'

/** A seeded account, found again by its e-mail (or phone when it has none). */
interface AccountScenario {
  email: string | null
  phone: string
  firstName: string
  lastName: string
  language: 'ar' | 'en'
  /** The plain password that signs in, or null for an account without one (OTP only). */
  password: string | null
  /** How the legacy Password column stores it. */
  passwordFormat: LegacyPasswordFormat | null
  accountStatus: 'Active' | 'Disabled'
  verifiedStatus: 'Verified' | 'Unverified'
}

export interface CustomerScenario extends AccountScenario {
  kind: 'customer'
}

/** Contract and license dates are relative to the day the seed runs (platform time zone). */
export type DatedRowState = 'valid' | 'expired' | 'notStarted'

export interface ConsultantScenario extends AccountScenario {
  kind: 'consultant'
  consultantStatus: 'Active' | 'Disabled'
  /** Status of the consultant's only consultations order, or null for none. */
  order: 'Approved' | 'Pending' | 'Rejected' | null
  /** valid: started a month ago, ends a year ahead; expired: ended 30 days ago; notStarted: starts in 30 days. */
  contract: DatedRowState | null
  /** valid: expires a year ahead; expired: expired 30 days ago. */
  license: Exclude<DatedRowState, 'notStarted'> | null
  /** What `checkConsultantEligibility` answers at sign-in: null when eligible, which is also what makes them bookable. */
  ineligibleReason: IneligibilityReason | null
}

const bcrypt = { password: SEED_PASSWORD, passwordFormat: 'bcrypt-2y' } as const
const active = { accountStatus: 'Active', verifiedStatus: 'Verified' } as const
const valid = {
  ...active,
  ...bcrypt,
  kind: 'consultant',
  consultantStatus: 'Active',
  order: 'Approved',
  contract: 'valid',
  license: 'valid',
  ineligibleReason: null,
} as const

export const CUSTOMER_SCENARIOS = {
  /** Active, verified, legacy `$2y$` bcrypt password. */
  activeCustomer: {
    kind: 'customer', email: 'active.customer@seed.test', phone: '+966500000001',
    firstName: 'سارة', lastName: 'القحطاني', language: 'ar', ...bcrypt, ...active,
  },
  /** Active, verified, legacy unsalted MD5 password. */
  md5Customer: {
    kind: 'customer', email: 'md5.customer@seed.test', phone: '+966500000002',
    firstName: 'Omar', lastName: 'Haddad', language: 'en', password: SEED_PASSWORD, passwordFormat: 'md5', ...active,
  },
  disabledAccount: {
    kind: 'customer', email: 'disabled.customer@seed.test', phone: '+966500000003',
    firstName: 'خالد', lastName: 'الزهراني', language: 'ar', ...bcrypt, ...active, accountStatus: 'Disabled',
  },
  unverifiedCustomer: {
    kind: 'customer', email: 'unverified.customer@seed.test', phone: '+966500000004',
    firstName: 'Lina', lastName: 'Saleh', language: 'en', ...bcrypt, ...active, verifiedStatus: 'Unverified',
  },
  /** No e-mail and no password: signs in by SMS code only. */
  phoneOnlyCustomer: {
    kind: 'customer', email: null, phone: '+966500000005',
    firstName: 'نورة', lastName: 'العتيبي', language: 'ar', password: null, passwordFormat: null, ...active,
  },
} as const satisfies Record<string, CustomerScenario>

/** One consultant per eligibility rule, plus a few more bookable ones for listing, filters and sorting. */
export const CONSULTANT_SCENARIOS = {
  eligible: {
    ...valid, email: 'eligible.consultant@seed.test', phone: '+966500000101',
    firstName: 'أحمد', lastName: 'المالكي', language: 'ar',
  },
  disabledCustomer: {
    ...valid, email: 'disabled-customer.consultant@seed.test', phone: '+966500000102',
    firstName: 'Faisal', lastName: 'Nasser', language: 'en',
    accountStatus: 'Disabled', ineligibleReason: 'CUSTOMER_DISABLED',
  },
  disabledConsultant: {
    ...valid, email: 'disabled-consultant.consultant@seed.test', phone: '+966500000103',
    firstName: 'ريم', lastName: 'الشهري', language: 'ar',
    consultantStatus: 'Disabled', ineligibleReason: 'CONSULTANT_DISABLED',
  },
  pendingOrder: {
    ...valid, email: 'pending-order.consultant@seed.test', phone: '+966500000104',
    firstName: 'Yousef', lastName: 'Karim', language: 'en', order: 'Pending', ineligibleReason: 'ORDER_PENDING',
  },
  missingOrder: {
    ...valid, email: 'missing-order.consultant@seed.test', phone: '+966500000105',
    firstName: 'هند', lastName: 'الدوسري', language: 'ar', order: null, ineligibleReason: 'ORDER_MISSING',
  },
  rejectedOrder: {
    ...valid, email: 'rejected-order.consultant@seed.test', phone: '+966500000106',
    firstName: 'Tariq', lastName: 'Aziz', language: 'en', order: 'Rejected', ineligibleReason: 'ORDER_REJECTED',
  },
  missingContract: {
    ...valid, email: 'missing-contract.consultant@seed.test', phone: '+966500000107',
    firstName: 'عبدالله', lastName: 'الحربي', language: 'ar',
    contract: null, ineligibleReason: 'CONTRACT_MISSING',
  },
  expiredContract: {
    ...valid, email: 'expired-contract.consultant@seed.test', phone: '+966500000108',
    firstName: 'Mona', lastName: 'Fahmy', language: 'en',
    contract: 'expired', ineligibleReason: 'CONTRACT_EXPIRED',
  },
  contractNotStarted: {
    ...valid, email: 'future-contract.consultant@seed.test', phone: '+966500000109',
    firstName: 'سلمان', lastName: 'الغامدي', language: 'ar',
    contract: 'notStarted', ineligibleReason: 'CONTRACT_NOT_STARTED',
  },
  missingLicense: {
    ...valid, email: 'missing-license.consultant@seed.test', phone: '+966500000110',
    firstName: 'Huda', lastName: 'Mansour', language: 'en',
    license: null, ineligibleReason: 'LICENSE_MISSING',
  },
  expiredLicense: {
    ...valid, email: 'expired-license.consultant@seed.test', phone: '+966500000111',
    firstName: 'ماجد', lastName: 'السبيعي', language: 'ar',
    license: 'expired', ineligibleReason: 'LICENSE_EXPIRED',
  },
  bookableFamily: {
    ...valid, email: 'family.consultant@seed.test', phone: '+966500000201',
    firstName: 'Layla', lastName: 'Hassan', language: 'en',
  },
  bookableFinance: {
    ...valid, email: 'finance.consultant@seed.test', phone: '+966500000202',
    firstName: 'فهد', lastName: 'العنزي', language: 'ar',
  },
  bookableUnassigned: {
    ...valid, email: 'unassigned.consultant@seed.test', phone: '+966500000203',
    firstName: 'Sami', lastName: 'Barakat', language: 'en',
  },
} as const satisfies Record<string, ConsultantScenario>

export const SCENARIOS = { ...CUSTOMER_SCENARIOS, ...CONSULTANT_SCENARIOS }

export type CustomerScenarioName = keyof typeof CUSTOMER_SCENARIOS
export type ConsultantScenarioName = keyof typeof CONSULTANT_SCENARIOS
export type ScenarioName = keyof typeof SCENARIOS

export type ScenarioIds<N extends ScenarioName> = N extends ConsultantScenarioName
  ? { customerId: number; consultantId: number }
  : { customerId: number }

export function isConsultantScenario(name: ScenarioName): name is ConsultantScenarioName {
  return SCENARIOS[name].kind === 'consultant'
}

/** The account's natural key as a Prisma `where`: e-mail when it has one, else phone. */
export function accountKey(scenario: AccountScenario): { email: string } | { phone: string } {
  return scenario.email === null ? { phone: scenario.phone } : { email: scenario.email }
}

/** The ids of a seeded scenario's rows; throws when the seed has not run on this database. */
export async function findScenario<N extends ScenarioName>(prisma: PrismaClient, name: N): Promise<ScenarioIds<N>> {
  const scenario: AccountScenario = SCENARIOS[name]
  const customer = await prisma.customer.findUnique({ where: accountKey(scenario), select: { customerId: true } })
  if (!customer) throw new Error(`seed scenario "${name}" is not in this database; run the seed first`)
  if (!isConsultantScenario(name)) return { customerId: customer.customerId } as ScenarioIds<N>
  const consultant = await prisma.consultant.findUnique({
    where: { customerId: customer.customerId },
    select: { consultantId: true },
  })
  if (!consultant) throw new Error(`seed scenario "${name}" has no consultants row; run the seed again`)
  return { customerId: customer.customerId, consultantId: consultant.consultantId } as ScenarioIds<N>
}
