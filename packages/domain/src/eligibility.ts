import { addDays, calendarDateIn, calendarDateOfDateColumn, startOfDayIn, type CalendarDate } from './calendar-date.js'

export type AccountStatus = 'Active' | 'Disabled'
export type OrderStatus = 'Pending' | 'Approved' | 'Rejected'

/** `consultant_contract` columns the rule reads (`Start_Date`, `End_Date`: legacy `DATE`). */
export interface ContractFacts {
  readonly startDate: Date
  readonly endDate: Date
}

/** `consultant_licenses.Expiry_Date` (legacy `DATE`). */
export interface LicenseFacts {
  readonly expiryDate: Date
}

/**
 * What the rule needs to know, read by the caller (the auth service) with `select` projections; field names match
 * the Prisma models so rows pass straight in. `null` means the row does not exist.
 *
 * - `order`: the consultant's latest consultations order (by its customer id).
 * - `contract`, `license`: pass all of the consultant's rows (or the latest-ending one). With several, the one in
 *   effect today that ends last counts, so a renewal signed in advance (starting next month) neither locks the
 *   consultant out now nor is mistaken for the current contract.
 */
export interface EligibilityFacts {
  readonly customer: { readonly accountStatus: AccountStatus } | null
  readonly consultant: { readonly consultantStatus: AccountStatus } | null
  readonly order: { readonly orderStatus: OrderStatus } | null
  readonly contract: ContractFacts | readonly ContractFacts[] | null
  readonly license: LicenseFacts | readonly LicenseFacts[] | null
}

/**
 * Why a consultant may not sign in, in the order the rules are checked. A missing customer account has its own
 * reason (`CUSTOMER_MISSING`) rather than counting as disabled: with no foreign keys in the legacy schema, a
 * consultant row pointing at a deleted customer is a data problem support should be able to tell apart.
 */
export const INELIGIBILITY_REASONS = [
  'CUSTOMER_MISSING',
  'CUSTOMER_DISABLED',
  'CONSULTANT_MISSING',
  'CONSULTANT_DISABLED',
  'ORDER_MISSING',
  'ORDER_PENDING',
  'ORDER_REJECTED',
  'CONTRACT_MISSING',
  'CONTRACT_NOT_STARTED',
  'CONTRACT_EXPIRED',
  'LICENSE_MISSING',
  'LICENSE_EXPIRED',
] as const
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number]

export type EligibilityResult =
  | {
      readonly eligible: true
      /**
       * The instant eligibility ends: the start of the day after the earlier of the contract's last day and the
       * license's expiry day, in the platform time zone. Exclusive, so it can serve directly as a JWT `exp` cap.
       */
      readonly notAfter: Date
    }
  | { readonly eligible: false; readonly reason: IneligibilityReason }

/**
 * Decides whether a consultant may sign in (or refresh) at `now`. Legacy `DATE` columns are days in the platform
 * time zone `timeZone` (IANA, e.g. `Asia/Riyadh`): a contract or license is valid through the whole of its last day
 * there, and a contract is valid from the start of its first day. Unrecognised statuses fail closed.
 */
export function checkConsultantEligibility(facts: EligibilityFacts, now: Date, timeZone: string): EligibilityResult {
  const fail = (reason: IneligibilityReason): EligibilityResult => ({ eligible: false, reason })

  if (!facts.customer) return fail('CUSTOMER_MISSING')
  if (facts.customer.accountStatus !== 'Active') return fail('CUSTOMER_DISABLED')
  if (!facts.consultant) return fail('CONSULTANT_MISSING')
  if (facts.consultant.consultantStatus !== 'Active') return fail('CONSULTANT_DISABLED')
  if (!facts.order) return fail('ORDER_MISSING')
  if (facts.order.orderStatus === 'Rejected') return fail('ORDER_REJECTED')
  if (facts.order.orderStatus !== 'Approved') return fail('ORDER_PENDING')

  const today = calendarDateIn(now, timeZone)
  const contract = currentContractEnd(listOf(facts.contract), today)
  if (contract.failure) return fail(contract.failure)
  const license = currentLicenseExpiry(listOf(facts.license), today)
  if (license.failure) return fail(license.failure)

  const lastDay = contract.lastDay < license.lastDay ? contract.lastDay : license.lastDay
  return { eligible: true, notAfter: startOfDayIn(addDays(lastDay, 1), timeZone) }
}

type LastValidDay = { failure?: undefined; lastDay: CalendarDate } | { failure: IneligibilityReason }

function currentContractEnd(contracts: readonly ContractFacts[], today: CalendarDate): LastValidDay {
  if (contracts.length === 0) return { failure: 'CONTRACT_MISSING' }
  let lastDay: CalendarDate | undefined
  let startsLater = false
  for (const contract of contracts) {
    // An unreadable date (a legacy zero date) never makes a contract valid.
    const start = calendarDateOfDateColumn(contract.startDate)
    const end = calendarDateOfDateColumn(contract.endDate)
    if (start === undefined || end === undefined || end < today) continue
    if (start > today) startsLater = true
    else if (lastDay === undefined || end > lastDay) lastDay = end
  }
  if (lastDay !== undefined) return { lastDay }
  return { failure: startsLater ? 'CONTRACT_NOT_STARTED' : 'CONTRACT_EXPIRED' }
}

function currentLicenseExpiry(licenses: readonly LicenseFacts[], today: CalendarDate): LastValidDay {
  if (licenses.length === 0) return { failure: 'LICENSE_MISSING' }
  let lastDay: CalendarDate | undefined
  for (const license of licenses) {
    const expiry = calendarDateOfDateColumn(license.expiryDate)
    if (expiry !== undefined && expiry >= today && (lastDay === undefined || expiry > lastDay)) lastDay = expiry
  }
  return lastDay === undefined ? { failure: 'LICENSE_EXPIRED' } : { lastDay }
}

function listOf<T extends object>(value: T | readonly T[] | null): readonly T[] {
  if (value === null) return []
  return Array.isArray(value) ? (value as readonly T[]) : [value as T]
}
