import { addDays, type CalendarDate } from '@cp/domain'
import { SEED_PASSWORD_BCRYPT_2Y } from '../passwords.js'
import { CONSULTANT_TITLES, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, REVIEW_COMMENTS } from './names.js'
import { type Random, seededRandom, streamSeed } from './random.js'

/** Volume rows are recognised by this e-mail domain; nothing else in the database uses it. */
export const VOLUME_EMAIL_DOMAIN = 'volume.seed.test'
/** Phone numbers are unique per index within these ranges (8 digits after +9665). */
export const MAX_VOLUME_INDEX = 20_000_000

export const customerEmail = (index: number): string => `customer.${index}@${VOLUME_EMAIL_DOMAIN}`
export const consultantEmail = (index: number): string => `consultant.${index}@${VOLUME_EMAIL_DOMAIN}`

/** The row index encoded in a volume e-mail, or undefined for any other address. */
export function volumeIndex(email: string, kind: 'customer' | 'consultant'): number | undefined {
  const match = new RegExp(`^${kind}\\.(\\d+)@volume\\.seed\\.test$`).exec(email)
  return match ? Number(match[1]) : undefined
}

export const CUSTOMER_COLUMNS = [
  'First_Name', 'Last_Name', 'Email', 'Phone', 'Password', 'Photo', 'Gender', 'Birth_Date', 'Language',
  'Verified_Status', 'Account_Status', 'Created_at',
] as const

export type Row = unknown[]

/** Today's date in the platform zone, and zone-less DATETIME strings relative to it (as the legacy app stores them). */
export interface VolumeDays {
  today: CalendarDate
  date(offset: number): string
  wallTime(offset: number, time: string): string
  dayOfWeek(offset: number): number
}

export function volumeDays(today: CalendarDate): VolumeDays {
  return {
    today,
    date: (offset) => addDays(today, offset),
    wallTime: (offset, time) => `${addDays(today, offset)} ${time}:00`,
    dayOfWeek: (offset) => new Date(`${addDays(today, offset)}T00:00:00Z`).getUTCDay(),
  }
}

function personRow(random: Random, days: VolumeDays, email: string, phone: string | null, photoPath: string): Row {
  const female = random.chance(0.5)
  const [firstAr, firstEn] = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
  const [lastAr, lastEn] = random.pick(LAST_NAMES)
  const arabic = random.chance(0.65)
  return [
    arabic ? firstAr : firstEn,
    arabic ? lastAr : lastEn,
    email,
    phone,
    // One shared legacy hash: hashing per row would dominate the run time and buys a benchmark nothing.
    random.chance(0.9) ? SEED_PASSWORD_BCRYPT_2Y : null,
    random.chance(0.3) ? photoPath : null,
    random.chance(0.9) ? (female ? 'Female' : 'Male') : null,
    random.chance(0.8) ? `${random.int(1960, 2006)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}` : null,
    arabic ? 'ar' : 'en',
    random.chance(0.85) ? 'Verified' : 'Unverified',
    random.chance(0.03) ? 'Disabled' : 'Active',
    days.wallTime(-random.int(0, 1500), `${pad(random.int(0, 23))}:${pad(random.int(0, 59))}`),
  ]
}

export function customerRow(index: number, days: VolumeDays): Row {
  const random = seededRandom(streamSeed('customer', index))
  const phone = random.chance(0.9) ? `+9665${10_000_000 + index}` : null
  return personRow(random, days, customerEmail(index), phone, `customers/volume/${index}.jpg`)
}

/** Existing rows a volume consultant may point at. */
export interface CatalogRefs {
  categories: ReadonlyArray<{ categoryId: number; serviceCategoryIds: readonly number[] }>
  branchIds: readonly number[]
}

export interface ConsultantBundle {
  index: number
  account: Row
  /** consultants row without Customer_ID (prepended once the account's id is known). */
  consultant: Row
  categoryId: number | null
  order: 'Approved' | 'Pending' | 'Rejected' | null
  contract: { start: string; end: string; commissionRate: string } | null
  license: { number: string; issued: string; expires: string } | null
  schedules: Array<{ dayOfWeek: number; start: string; end: string; slotMinutes: number; active: boolean }>
  appointments: Array<{
    customerId: number
    serviceCategoryId: number | null
    date: string
    durationMinutes: number
    status: 'Pending' | 'Confirmed' | 'Completed' | 'Cancelled' | 'NoShow'
    price: string
  }>
  /** `appointment` indexes into `appointments`. */
  reviews: Array<{
    appointment: number
    customerId: number
    rating: number
    comment: string | null
    hidden: boolean
    createdAt: string
  }>
}

export const CONSULTANT_COLUMNS = [
  'Customer_ID', 'Category_ID', 'Branch_ID', 'Title_Ar', 'Title_En', 'Bio_Ar', 'Bio_En', 'Photo', 'Price', 'Rating',
  'Rating_Count', 'Online_Status', 'Order_In_List', 'Consultant_Status', 'Verified_Status',
] as const

const WORKING_DAYS = [0, 1, 2, 3, 4]

/**
 * Everything one volume consultant owns. Mostly eligible: about 90% have an approved order, a running contract and
 * a valid license; the rest miss or outlived one of them, so eligibility and "bookable" filters have work to do.
 * `customerIds` are the accounts appointments and reviews come from.
 */
export function consultantBundle(
  index: number,
  days: VolumeDays,
  catalog: CatalogRefs,
  customerIds: readonly number[],
  orderOffset: number,
): ConsultantBundle {
  const random = seededRandom(streamSeed('consultant', index))
  const phone = `+9665${30_000_000 + index}`
  const account = personRow(random, days, consultantEmail(index), phone, `customers/volume/c${index}.jpg`)
  const category = catalog.categories.length > 0 && random.chance(0.97) ? random.pick(catalog.categories) : null
  const branchId = catalog.branchIds.length > 0 && random.chance(0.9) ? random.pick(catalog.branchIds) : null
  const [titleAr, titleEn] = random.pick(CONSULTANT_TITLES)
  const years = random.int(2, 30)
  const price = `${random.int(10, 90) * 10}.00`

  const schedules = random.chance(0.9) ? workingWeek(random) : []
  const appointments = customerIds.length === 0 ? [] : appointmentsOf(random, days, category, customerIds, price)
  const reviews = appointments.flatMap((appointment, position) => {
    if (appointment.status !== 'Completed' || !random.chance(0.8)) return []
    const [commentAr, commentEn] = random.pick(REVIEW_COMMENTS)
    return [
      {
        appointment: position,
        customerId: appointment.customerId,
        rating: random.pick([5, 5, 5, 4, 4, 4, 3, 2, 1]),
        comment: random.chance(0.6) ? (random.chance(0.6) ? commentAr : commentEn) : null,
        hidden: random.chance(0.1),
        createdAt: appointment.date.replace(/ .*$/, ' 21:00:00'),
      },
    ]
  })
  const visible = reviews.filter((review) => !review.hidden)
  const rating = visible.length === 0 ? 0 : visible.reduce((sum, review) => sum + review.rating, 0) / visible.length

  const orderRoll = random.next()
  const contractRoll = random.next()
  const licenseRoll = random.next()
  return {
    index,
    account,
    categoryId: category?.categoryId ?? null,
    consultant: [
      category?.categoryId ?? null,
      branchId,
      titleAr,
      titleEn,
      `خبرة ${years} سنة في مجال ${titleAr}.`,
      `${years} years of experience as a ${titleEn.toLowerCase()}.`,
      random.chance(0.7) ? `consultants/volume/${index}.jpg` : null,
      price,
      rating.toFixed(2),
      visible.length,
      random.chance(0.2) ? 1 : 0,
      orderOffset + index,
      random.chance(0.03) ? 'Disabled' : 'Active',
      random.chance(0.9) ? 'Verified' : 'Unverified',
    ],
    order: orderRoll < 0.9 ? 'Approved' : orderRoll < 0.94 ? 'Pending' : orderRoll < 0.97 ? 'Rejected' : null,
    contract:
      contractRoll < 0.92
        ? { start: days.date(-random.int(30, 700)), end: days.date(random.int(30, 730)), commissionRate: '20.00' }
        : contractRoll < 0.97
          ? { start: days.date(-random.int(400, 900)), end: days.date(-random.int(1, 300)), commissionRate: '15.00' }
          : null,
    license:
      licenseRoll < 0.97
        ? {
            number: `VOL-${index}`,
            issued: days.date(-random.int(800, 1999)),
            // 90% valid for another month to three years, 7% expired in the last hundred days.
            expires: days.date(licenseRoll < 0.9 ? random.int(30, 999) : -random.int(1, 99)),
          }
        : null,
    schedules,
    appointments,
    reviews,
  }
}

function workingWeek(random: Random): ConsultantBundle['schedules'] {
  const startHour = random.pick([9, 10, 16, 17])
  const slotMinutes = random.pick([30, 30, 45, 60])
  return WORKING_DAYS.map((dayOfWeek) => ({
    dayOfWeek,
    start: `${pad(startHour)}:00`,
    end: `${pad(startHour + 4)}:00`,
    slotMinutes,
    active: random.chance(0.95),
  }))
}

/** Six appointments between 60 days ago and 30 days ahead, each on its own working day. */
function appointmentsOf(
  random: Random,
  days: VolumeDays,
  category: CatalogRefs['categories'][number] | null,
  customerIds: readonly number[],
  price: string,
): ConsultantBundle['appointments'] {
  return Array.from({ length: 6 }, (_, k) => {
    let offset = k * 15 - 60 + random.int(0, 12)
    while (!WORKING_DAYS.includes(days.dayOfWeek(offset))) offset += 1
    const past = offset < 0
    const roll = random.next()
    const status = past
      ? roll < 0.7 ? 'Completed' : roll < 0.85 ? 'Cancelled' : 'NoShow'
      : roll < 0.6 ? 'Confirmed' : roll < 0.85 ? 'Pending' : 'Cancelled'
    return {
      customerId: random.pick(customerIds),
      serviceCategoryId:
        category && category.serviceCategoryIds.length > 0 && random.chance(0.7)
          ? random.pick(category.serviceCategoryIds)
          : null,
      date: days.wallTime(offset, `${pad(random.int(9, 19))}:${random.chance(0.5) ? '00' : '30'}`),
      durationMinutes: random.pick([30, 30, 60]),
      status,
      price,
    } as const
  })
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
