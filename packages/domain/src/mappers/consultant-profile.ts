import { decimalToNumber, optionalDecimalToNumber, type DecimalLike } from '../decimal.js'
import {
  asBranchId,
  asCategoryId,
  asConsultantId,
  asUserId,
  type BranchId,
  type CategoryId,
  type ConsultantId,
  type UserId,
} from '../ids.js'
import { localizedPair, pickLocalized, type Localized } from '../locale.js'
import { buildMediaUrl } from '../media.js'
import type { CustomerRecord } from './customer-profile.js'
import { joinName, optionalReference, type LocalizedMediaOptions } from './fields.js'

/** The public `consultants` columns, named as in the Prisma `Consultant` model (select exactly these). */
export interface ConsultantRecord {
  readonly consultantId: number
  readonly customerId: number
  readonly categoryId: number | null
  readonly branchId: number | null
  readonly titleAr: string | null
  readonly titleEn: string | null
  readonly bioAr: string | null
  readonly bioEn: string | null
  readonly photo: string | null
  readonly price: DecimalLike | null
  readonly rating: DecimalLike | null
  readonly ratingCount: number | null
  readonly onlineStatus: boolean | number
}

/** The columns of a `ConsultantRecord`, as a select projection: repositories read exactly what the mapper needs. */
export const CONSULTANT_RECORD_COLUMNS = {
  consultantId: true,
  customerId: true,
  categoryId: true,
  branchId: true,
  titleAr: true,
  titleEn: true,
  bioAr: true,
  bioEn: true,
  photo: true,
  price: true,
  rating: true,
  ratingCount: true,
  onlineStatus: true,
} as const satisfies Record<keyof ConsultantRecord, true>

/** The consultant's own customer account supplies the name, and the photo when the consultant row has none. */
export type ConsultantAccountRecord = Pick<CustomerRecord, 'firstName' | 'lastName' | 'photo'>

/**
 * A consultant as anyone may see them. Contact details, credentials, license and contract data never appear here;
 * the mapper copies named fields only, so passing a wider row cannot leak them.
 */
export interface ConsultantProfile {
  readonly id: ConsultantId
  readonly userId: UserId
  readonly name: string
  /** In the requested language, falling back to the other one. */
  readonly title: string | null
  readonly bio: string | null
  readonly titles: Localized<string | null>
  readonly bios: Localized<string | null>
  readonly photoUrl: string | null
  readonly price: number | null
  readonly rating: number
  readonly ratingCount: number
  readonly online: boolean
  readonly categoryId: CategoryId | null
  readonly branchId: BranchId | null
}

export function mapConsultantToProfile(
  consultant: ConsultantRecord,
  account: ConsultantAccountRecord,
  { contentUrl, locale }: LocalizedMediaOptions,
): ConsultantProfile {
  const titles = localizedPair({ ar: consultant.titleAr, en: consultant.titleEn })
  const bios = localizedPair({ ar: consultant.bioAr, en: consultant.bioEn })
  return {
    id: asConsultantId(consultant.consultantId),
    userId: asUserId(consultant.customerId),
    name: joinName(account.firstName, account.lastName),
    title: pickLocalized(titles, locale),
    bio: pickLocalized(bios, locale),
    titles,
    bios,
    photoUrl: buildMediaUrl(contentUrl, consultant.photo) ?? buildMediaUrl(contentUrl, account.photo),
    price: optionalDecimalToNumber(consultant.price),
    rating: consultant.rating === null ? 0 : decimalToNumber(consultant.rating),
    ratingCount: consultant.ratingCount ?? 0,
    online: Boolean(consultant.onlineStatus),
    categoryId: optionalReference(consultant.categoryId, asCategoryId),
    branchId: optionalReference(consultant.branchId, asBranchId),
  }
}
