import {
  calendarDateIn,
  calendarDateOfDateColumn,
  type CalendarDate,
  type ContractFacts,
  type Localized,
  type LicenseFacts,
  mapConsultantToProfile,
} from '@cp/domain'
import type { OwnConsultantRow, OwnProfileRecord } from '../repositories/profile-repository.js'
import { type NamedReference, namedReference, type ViewOptions } from './consultant-view.js'
import { formatInZone } from './zoned-time.js'

/** The signed-in consultant's own profile: what they may edit in both languages, and what keeps them bookable. */
export interface OwnProfileView {
  readonly id: number
  readonly name: string
  readonly title: string | null
  readonly titles: Localized<string | null>
  readonly bios: Localized<string | null>
  /** As stored, relative to the content host: what PATCH takes. */
  readonly photoPath: string | null
  readonly photoUrl: string | null
  readonly price: number | null
  readonly rating: number
  readonly ratingCount: number
  readonly online: boolean
  readonly verified: boolean
  readonly category: NamedReference | null
  readonly branch: NamedReference | null
  readonly contract: { readonly startDate: CalendarDate; readonly endDate: CalendarDate } | null
  readonly license: { readonly expiryDate: CalendarDate } | null
  readonly eligibility: { readonly eligible: true; readonly eligibleUntil: string }
}

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
  return {
    id: profile.id,
    name: profile.name,
    title: profile.title,
    titles: profile.titles,
    bios: profile.bios,
    photoPath: consultant.photo,
    photoUrl: profile.photoUrl,
    price: profile.price,
    rating: profile.rating,
    ratingCount: profile.ratingCount,
    online: profile.online,
    verified: consultant.verifiedStatus === 'Verified',
    category: namedReference(profile.categoryId, record.categoryName?.nameAr ?? null, record.categoryName?.nameEn ?? null, options.locale),
    branch: namedReference(profile.branchId, record.branchName?.nameAr ?? null, record.branchName?.nameEn ?? null, options.locale),
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
