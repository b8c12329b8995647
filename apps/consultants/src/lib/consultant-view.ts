import {
  type ConsultantProfile,
  decimalToNumber,
  formatWallClock,
  type Locale,
  mapConsultantToProfile,
  pickLocalized,
} from '@cp/domain'
import type { Static } from '@sinclair/typebox'
import type { ConsultantDetailRow, ConsultantListRow, RatingCountRow, ReviewRow } from '../repositories/consultants-repository.js'
import type { ConsultantDetailSchema, ConsultantListItemSchema, NamedReferenceSchema } from '../schemas/consultants.js'

export interface ViewOptions {
  readonly contentUrl: string
  readonly locale: Locale
}

export type NamedReference = Static<typeof NamedReferenceSchema>
/** What anyone may see of a consultant in the list. Built field by field: nothing else of the row can leak. */
export type ConsultantListItem = Static<typeof ConsultantListItemSchema>
export type ConsultantDetail = Static<typeof ConsultantDetailSchema>
export type ReviewView = ConsultantDetail['latestReviews'][number]
export type RatingDistribution = ConsultantDetail['ratingDistribution']

export function toConsultantListItem(row: ConsultantListRow, options: ViewOptions): ConsultantListItem {
  return listItemOf(row, profileOf(row, null, null, options), options.locale)
}

export function toConsultantDetail(
  row: ConsultantDetailRow,
  reviews: readonly ReviewRow[],
  ratingCounts: readonly RatingCountRow[],
  options: ViewOptions & { readonly timeZone: string },
): ConsultantDetail {
  const profile = profileOf(row, row.bioAr, row.bioEn, options)
  return {
    ...listItemOf(row, profile, options.locale),
    bio: profile.bio,
    ratingDistribution: toRatingDistribution(ratingCounts),
    latestReviews: reviews.map((review) => ({
      id: review.reviewId,
      rating: review.rating,
      comment: review.comment,
      createdAt: formatWallClock(review.createdAt, options.timeZone),
      reviewerName: review.reviewerFirstName?.trim() || null,
    })),
  }
}

function profileOf(row: ConsultantListRow, bioAr: string | null, bioEn: string | null, options: ViewOptions) {
  // The mapper copies the fields it names, so the wider row passes as it is.
  return mapConsultantToProfile({ ...row, bioAr, bioEn }, accountRecord(row), options)
}

function listItemOf(row: ConsultantListRow, profile: ConsultantProfile, locale: Locale): ConsultantListItem {
  return publicFieldsOf(profile, {
    verifiedStatus: row.verifiedStatus,
    category: namedReference(profile.categoryId, row.categoryNameAr, row.categoryNameEn, locale),
    branch: namedReference(profile.branchId, row.branchNameAr, row.branchNameEn, locale),
  })
}

/** The public fields, the same in the list, the profile and the consultant's own view. */
export function publicFieldsOf(
  profile: ConsultantProfile,
  extra: { verifiedStatus: string; category: NamedReference | null; branch: NamedReference | null },
): ConsultantListItem {
  return {
    id: profile.id,
    name: profile.name,
    title: profile.title,
    photoUrl: profile.photoUrl,
    price: profile.price,
    rating: profile.rating,
    ratingCount: profile.ratingCount,
    online: profile.online,
    verified: extra.verifiedStatus === 'Verified',
    category: extra.category,
    branch: extra.branch,
  }
}

function accountRecord(row: ConsultantListRow) {
  return { firstName: row.firstName, lastName: row.lastName, photo: row.accountPhoto }
}

/** A reference without a row behind it (the legacy schema has no foreign keys) is shown as none. */
export function namedReference(
  id: number | null,
  nameAr: string | null,
  nameEn: string | null,
  locale: Locale,
): NamedReference | null {
  if (id === null || (nameAr === null && nameEn === null)) return null
  return { id, name: pickLocalized({ ar: nameAr, en: nameEn }, locale) }
}

export function toRatingDistribution(rows: readonly RatingCountRow[]): RatingDistribution {
  const distribution: RatingDistribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const row of rows) {
    const stars = decimalToNumber(row.rating)
    // Legacy rows outside 1..5 are not a star rating anyone can read.
    if (isStarRating(stars)) distribution[stars] += Number(row.count)
  }
  return distribution
}

function isStarRating(value: number): value is keyof RatingDistribution {
  return Number.isInteger(value) && value >= 1 && value <= 5
}
