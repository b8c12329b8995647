import type { SeedBranchName, SeedCategoryName, SeedServiceCategoryName } from './catalog-data.js'
import type { ConsultantScenarioName, CustomerScenarioName } from './scenarios.js'

/** The public profile of a seeded consultant (consultants row columns). */
export interface ConsultantProfile {
  category: SeedCategoryName | null
  branch: SeedBranchName | null
  titleEn: string
  titleAr: string
  bioEn: string
  bioAr: string
  photo: string | null
  price: string | null
  orderInList: number
  online: boolean
  verified: boolean
}

const lawyer = {
  category: 'Legal',
  branch: 'Riyadh Main Branch',
  titleEn: 'Lawyer',
  titleAr: 'محامٍ',
  bioEn: 'Ten years of practice in commercial and labour law.',
  bioAr: 'عشر سنوات من الممارسة في القانون التجاري وقانون العمل.',
  photo: null,
  price: '250.00',
  online: false,
  verified: true,
} as const

export const CONSULTANT_PROFILES: Record<ConsultantScenarioName, ConsultantProfile> = {
  eligible: {
    ...lawyer,
    titleEn: 'Corporate Lawyer',
    titleAr: 'محامٍ تجاري',
    photo: 'consultants/eligible.jpg',
    price: '300.00',
    orderInList: 2,
    online: true,
  },
  disabledCustomer: { ...lawyer, branch: 'Jeddah Branch', orderInList: 10 },
  disabledConsultant: { ...lawyer, orderInList: 11 },
  pendingOrder: { ...lawyer, category: 'Family', titleEn: 'Family Counsellor', titleAr: 'مستشار أسري', orderInList: 12 },
  missingOrder: { ...lawyer, orderInList: 13 },
  rejectedOrder: { ...lawyer, orderInList: 14 },
  missingContract: { ...lawyer, orderInList: 15 },
  expiredContract: { ...lawyer, branch: 'Jeddah Branch', orderInList: 16 },
  contractNotStarted: { ...lawyer, orderInList: 17 },
  missingLicense: { ...lawyer, category: 'Financial', orderInList: 18 },
  expiredLicense: { ...lawyer, orderInList: 19, verified: false },
  bookableFamily: {
    category: 'Family',
    branch: 'Jeddah Branch',
    titleEn: 'Family Therapist',
    titleAr: 'معالجة أسرية',
    bioEn: 'Helps couples and parents talk again.',
    bioAr: 'تساعد الأزواج والآباء على الحوار من جديد.',
    photo: 'consultants/family.jpg',
    price: '180.00',
    orderInList: 1,
    online: true,
    verified: true,
  },
  bookableFinance: {
    category: 'Financial',
    branch: 'Riyadh Main Branch',
    titleEn: 'Financial Planner',
    titleAr: 'مخطط مالي',
    bioEn: 'Personal budgets, savings and zakat.',
    bioAr: 'الميزانيات الشخصية والادخار والزكاة.',
    photo: 'consultants/finance.jpg',
    price: '450.00',
    orderInList: 3,
    online: false,
    verified: true,
  },
  // No category, branch, photo or price: the listing and profile must cope with every optional column empty.
  bookableUnassigned: {
    category: null,
    branch: null,
    titleEn: 'General Advisor',
    titleAr: 'مستشار عام',
    bioEn: 'New on the platform.',
    bioAr: 'جديد على المنصة.',
    photo: null,
    price: null,
    orderInList: 4,
    online: false,
    verified: false,
  },
}

export interface ScheduleBlock {
  dayOfWeek: number
  start: string
  end: string
  slotMinutes: number
  isActive: boolean
}

/** Sunday to Thursday, the Saudi working week. */
export const WORKING_DAYS: readonly number[] = [0, 1, 2, 3, 4]

/** A split shift on working days, and a Saturday block switched off (must not produce slots). */
const SPLIT_SHIFT: ScheduleBlock[] = [
  ...WORKING_DAYS.flatMap((dayOfWeek) => [
    { dayOfWeek, start: '09:00', end: '13:00', slotMinutes: 30, isActive: true },
    { dayOfWeek, start: '16:00', end: '20:00', slotMinutes: 30, isActive: true },
  ]),
  { dayOfWeek: 6, start: '10:00', end: '14:00', slotMinutes: 30, isActive: false },
]

/** Weekly schedules; consultants not listed have none (their availability is empty). */
export const CONSULTANT_SCHEDULES: Partial<Record<ConsultantScenarioName, ScheduleBlock[]>> = {
  eligible: SPLIT_SHIFT,
  pendingOrder: SPLIT_SHIFT,
  bookableFamily: SPLIT_SHIFT,
  bookableFinance: [0, 2, 4].map((dayOfWeek) => ({
    dayOfWeek,
    start: '18:00',
    end: '22:00',
    slotMinutes: 60,
    isActive: true,
  })),
}

export interface SeedAppointment {
  /** Stored in Notes as `seed:<label>`, which is how a re-run finds the row again. */
  label: string
  customer: CustomerScenarioName
  /** Which working day: 1 = the first working day at least two days ahead, -1 = the last one a week ago or more. */
  workingDay: number
  time: string
  durationMinutes: number
  status: 'Pending' | 'Confirmed' | 'Completed' | 'Cancelled' | 'NoShow'
  service: SeedServiceCategoryName | null
}

export const CONSULTANT_APPOINTMENTS: Partial<Record<ConsultantScenarioName, SeedAppointment[]>> = {
  eligible: [
    { label: 'booked', customer: 'activeCustomer', workingDay: 1, time: '10:00', durationMinutes: 30, status: 'Confirmed', service: 'Contract Review' },
    { label: 'pending', customer: 'md5Customer', workingDay: 1, time: '11:00', durationMinutes: 60, status: 'Pending', service: 'Court Representation' },
    // Cancelled: its slot must show as free again.
    { label: 'cancelled', customer: 'unverifiedCustomer', workingDay: 1, time: '10:30', durationMinutes: 30, status: 'Cancelled', service: null },
    { label: 'completed', customer: 'activeCustomer', workingDay: -1, time: '10:00', durationMinutes: 30, status: 'Completed', service: 'Contract Review' },
    { label: 'no-show', customer: 'md5Customer', workingDay: -2, time: '16:00', durationMinutes: 30, status: 'NoShow', service: null },
  ],
  bookableFamily: [
    { label: 'booked', customer: 'md5Customer', workingDay: 2, time: '16:30', durationMinutes: 30, status: 'Confirmed', service: 'Marriage Counselling' },
    { label: 'completed', customer: 'activeCustomer', workingDay: -1, time: '09:00', durationMinutes: 30, status: 'Completed', service: 'Marriage Counselling' },
  ],
}

export interface SeedReview {
  /** Each reviewer reviews a consultant once in the seed: the reviewer is the row's key. */
  customer: CustomerScenarioName
  rating: number
  comment: string | null
  visible: boolean
  /** The appointment reviewed, by label. */
  appointment: string | null
}

/** Rating and Rating_Count on the consultants row are the mean and count of the visible reviews. */
export const CONSULTANT_REVIEWS: Partial<Record<ConsultantScenarioName, SeedReview[]>> = {
  eligible: [
    { customer: 'activeCustomer', rating: 5, comment: 'مستشار ممتاز وواضح', visible: true, appointment: 'completed' },
    { customer: 'md5Customer', rating: 4, comment: 'Helpful and on time.', visible: true, appointment: null },
    { customer: 'unverifiedCustomer', rating: 5, comment: null, visible: true, appointment: null },
    { customer: 'phoneOnlyCustomer', rating: 1, comment: 'Hidden by moderation.', visible: false, appointment: null },
  ],
  bookableFamily: [
    { customer: 'activeCustomer', rating: 4, comment: 'جلسة مفيدة', visible: true, appointment: 'completed' },
    { customer: 'md5Customer', rating: 3, comment: 'Good, but started late.', visible: true, appointment: null },
  ],
  bookableFinance: [{ customer: 'activeCustomer', rating: 5, comment: 'Clear advice.', visible: true, appointment: null }],
}

/** Mean (two decimals, as DECIMAL(3,2) holds it) and count of a consultant's visible seeded reviews. */
export function seededRating(name: ConsultantScenarioName): { rating: string; ratingCount: number } {
  const visible = (CONSULTANT_REVIEWS[name] ?? []).filter((review) => review.visible)
  if (visible.length === 0) return { rating: '0.00', ratingCount: 0 }
  const mean = visible.reduce((sum, review) => sum + review.rating, 0) / visible.length
  return { rating: mean.toFixed(2), ratingCount: visible.length }
}
