import { asUserId, type UserId } from '../ids.js'
import type { Locale } from '../locale.js'
import { buildMediaUrl } from '../media.js'
import { calendarDateOfDateColumn } from '../calendar-date.js'
import { blankToNull, joinName, type MediaOptions } from './fields.js'

/** The `customers` columns a profile needs, named as in the Prisma `Customer` model (select exactly these). */
export interface CustomerRecord {
  readonly customerId: number
  readonly firstName: string | null
  readonly lastName: string | null
  readonly email: string | null
  readonly phone: string | null
  readonly photo: string | null
  readonly gender: 'Male' | 'Female' | null
  readonly birthDate: Date | null
  readonly language: Locale | null
  readonly verifiedStatus: 'Verified' | 'Unverified'
  readonly createdAt: Date
}

export type Gender = 'male' | 'female'

/** A customer's own profile as the API returns it. Never carries the password or token columns. */
export interface CustomerProfile {
  readonly id: UserId
  readonly firstName: string
  readonly lastName: string
  readonly fullName: string
  readonly email: string | null
  readonly phone: string | null
  readonly photoUrl: string | null
  readonly gender: Gender | null
  /** `YYYY-MM-DD`, the stored day with no time zone. */
  readonly birthDate: string | null
  readonly language: Locale
  readonly verified: boolean
  /** ISO 8601 instant. */
  readonly createdAt: string
}

// The column default: legacy rows without a language were created by the Arabic-first app.
const DEFAULT_CUSTOMER_LANGUAGE: Locale = 'ar'

export function mapCustomerToProfile(customer: CustomerRecord, { contentUrl }: MediaOptions): CustomerProfile {
  const firstName = customer.firstName?.trim() ?? ''
  const lastName = customer.lastName?.trim() ?? ''
  return {
    id: asUserId(customer.customerId),
    firstName,
    lastName,
    fullName: joinName(firstName, lastName),
    email: blankToNull(customer.email),
    phone: blankToNull(customer.phone),
    photoUrl: buildMediaUrl(contentUrl, customer.photo),
    gender: customer.gender === 'Male' ? 'male' : customer.gender === 'Female' ? 'female' : null,
    birthDate: customer.birthDate ? (calendarDateOfDateColumn(customer.birthDate) ?? null) : null,
    language: customer.language === 'en' || customer.language === 'ar' ? customer.language : DEFAULT_CUSTOMER_LANGUAGE,
    verified: customer.verifiedStatus === 'Verified',
    createdAt: customer.createdAt.toISOString(),
  }
}
