import {
  calendarDateIn,
  calendarDateOfDateColumn,
  type CalendarDate,
  type ContractFacts,
  formatInZone,
  type LicenseFacts,
  mapConsultantToProfile,
} from '@cp/domain'
import type { Static } from '@sinclair/typebox'
import type { OwnConsultantRow, OwnProfileRecord } from '../repositories/profile-repository.js'
import type { OwnProfileSchema } from '../schemas/me.js'
import { namedReference, publicFieldsOf, type ViewOptions } from './consultant-view.js'

/** The signed-in consultant's own profile: what they may edit in both languages, and what keeps them bookable. */
export type OwnProfileView = Static<typeof OwnProfileSchema>

export interface OwnProfileViewOptions extends ViewOptions {
  readonly timeZone: string
  readonly now: Date
  /** `notAfter` of the eligibility verdict: the first instant the consultant is no longer eligible. */
  readonly eligibleUntil: Date
}

export function toOwnProfileView(
  consultant: OwnConsultantRow,
  record: Pick<OwnProfileRecord, 'account' | 'contracts' | 'licenses' | 'categoryName' | 'branchName'>,
  options: OwnProfileViewOptions,
): OwnProfileView {
  const account = record.account ?? { firstName: '', lastName: '', photo: null }
  const profile = mapConsultantToProfile(consultant, account, options)
  const today = calendarDateIn(options.now, options.timeZone)
  const named = (id: number | null, names: { nameAr: string; nameEn: string } | null) =>
    namedReference(id, names?.nameAr ?? null, names?.nameEn ?? null, options.locale)
  return {
    ...publicFieldsOf(profile, {
      verifiedStatus: consultant.verifiedStatus,
      category: named(profile.categoryId, record.categoryName),
      branch: named(profile.branchId, record.branchName),
    }),
    titles: profile.titles,
    bios: profile.bios,
    photoPath: consultant.photo,
    contract: currentContract(record.contracts, today),
    license: currentLicense(record.licenses, today),
    eligibility: { eligible: true, eligibleUntil: formatInZone(options.eligibleUntil, options.timeZone) },
  }
}

/** The contract in effect today that ends last: the one the eligibility rule relied on. */
function currentContract(contracts: readonly ContractFacts[], today: CalendarDate) {
  let current: { startDate: CalendarDate; endDate: CalendarDate } | null = null
  for (const contract of contracts) {
    const startDate = calendarDateOfDateColumn(contract.startDate)
    const endDate = calendarDateOfDateColumn(contract.endDate)
    if (startDate === undefined || endDate === undefined || startDate > today || endDate < today) continue
    if (current === null || endDate > current.endDate) current = { startDate, endDate }
  }
  return current
}

function currentLicense(licenses: readonly LicenseFacts[], today: CalendarDate) {
  let expiryDate: CalendarDate | undefined
  for (const license of licenses) {
    const expiry = calendarDateOfDateColumn(license.expiryDate)
    if (expiry !== undefined && expiry >= today && (expiryDate === undefined || expiry > expiryDate)) expiryDate = expiry
  }
  return expiryDate === undefined ? null : { expiryDate }
}
