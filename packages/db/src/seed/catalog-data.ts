import { PLATFORM_TIME_ZONE } from './clock.js'

/**
 * Catalog rows of the scenario seed, found again on re-runs by their English name (the legacy tables have no
 * unique key to upsert on). `Order_In_List` deliberately disagrees with insertion order, and the inactive rows sort
 * first, so a listing that forgets the order or the active filter shows it.
 */

export interface SeedConsultationCategory {
  nameEn: string
  nameAr: string
  descriptionEn: string
  descriptionAr: string
  image: string | null
  icon: string | null
  orderInList: number
  isActive: boolean
}

export const SEED_CONSULTATION_CATEGORIES = [
  {
    nameEn: 'Legal',
    nameAr: 'استشارات قانونية',
    descriptionEn: 'Contracts, disputes and legal procedures.',
    descriptionAr: 'العقود والنزاعات والإجراءات القانونية.',
    image: 'categories/legal.png',
    icon: 'categories/icons/legal.svg',
    orderInList: 3,
    isActive: true,
  },
  {
    nameEn: 'Family',
    nameAr: 'استشارات أسرية',
    descriptionEn: 'Marriage, parenting and family matters.',
    descriptionAr: 'الزواج وتربية الأبناء وشؤون الأسرة.',
    image: 'categories/family.png',
    icon: 'categories/icons/family.svg',
    orderInList: 1,
    isActive: true,
  },
  {
    nameEn: 'Financial',
    nameAr: 'استشارات مالية',
    descriptionEn: 'Budgets, investments and taxes.',
    descriptionAr: 'الميزانيات والاستثمار والضرائب.',
    image: 'categories/financial.png',
    icon: null,
    orderInList: 2,
    isActive: true,
  },
  {
    nameEn: 'Psychological',
    nameAr: 'استشارات نفسية',
    descriptionEn: 'Stress, anxiety and wellbeing.',
    descriptionAr: 'الضغوط والقلق والصحة النفسية.',
    image: null,
    icon: 'categories/icons/psychological.svg',
    orderInList: 4,
    isActive: true,
  },
  {
    nameEn: 'Real Estate',
    nameAr: 'استشارات عقارية',
    descriptionEn: 'Retired category, kept for old orders.',
    descriptionAr: 'تصنيف متوقف، محفوظ للطلبات القديمة.',
    image: 'categories/real-estate.png',
    icon: null,
    orderInList: 0,
    isActive: false,
  },
] as const satisfies readonly SeedConsultationCategory[]

export type SeedCategoryName = (typeof SEED_CONSULTATION_CATEGORIES)[number]['nameEn']

export interface SeedServiceCategory {
  nameEn: string
  nameAr: string
  /** Parent consultations category, by English name. */
  parent: SeedCategoryName | null
  descriptionEn: string | null
  descriptionAr: string | null
  image: string | null
  icon: string | null
  price: string | null
  orderInList: number
  isActive: boolean
}

export const SEED_SERVICE_CATEGORIES = [
  {
    nameEn: 'Contract Review',
    nameAr: 'مراجعة العقود',
    parent: 'Legal',
    descriptionEn: 'A lawyer reads your contract before you sign.',
    descriptionAr: 'محامٍ يراجع عقدك قبل التوقيع.',
    image: 'services/contract-review.png',
    icon: 'services/icons/contract.svg',
    price: '150.00',
    orderInList: 2,
    isActive: true,
  },
  {
    nameEn: 'Court Representation',
    nameAr: 'التمثيل أمام المحاكم',
    parent: 'Legal',
    descriptionEn: null,
    descriptionAr: null,
    image: 'services/court.png',
    icon: null,
    price: '500.00',
    orderInList: 1,
    isActive: true,
  },
  {
    nameEn: 'Marriage Counselling',
    nameAr: 'الإرشاد الزواجي',
    parent: 'Family',
    descriptionEn: 'Sessions for couples.',
    descriptionAr: 'جلسات للأزواج.',
    image: 'services/marriage.png',
    icon: null,
    price: '200.00',
    orderInList: 3,
    isActive: true,
  },
  {
    nameEn: 'Tax Advice',
    nameAr: 'الاستشارات الضريبية',
    parent: 'Financial',
    descriptionEn: 'VAT and zakat questions.',
    descriptionAr: 'أسئلة ضريبة القيمة المضافة والزكاة.',
    image: null,
    icon: 'services/icons/tax.svg',
    price: null,
    orderInList: 4,
    isActive: true,
  },
  {
    nameEn: 'Notary Services',
    nameAr: 'خدمات التوثيق',
    parent: 'Legal',
    descriptionEn: 'No longer offered.',
    descriptionAr: 'لم تعد متاحة.',
    image: 'services/notary.png',
    icon: null,
    price: '90.00',
    orderInList: 0,
    isActive: false,
  },
] as const satisfies readonly SeedServiceCategory[]

export type SeedServiceCategoryName = (typeof SEED_SERVICE_CATEGORIES)[number]['nameEn']

export interface SeedBranch {
  nameEn: string
  nameAr: string
  addressEn: string
  addressAr: string
  cityEn: string
  cityAr: string
  phone: string
  latitude: string
  longitude: string
  image: string | null
  orderInList: number
  isActive: boolean
}

export const SEED_BRANCHES = [
  {
    nameEn: 'Riyadh Main Branch',
    nameAr: 'فرع الرياض الرئيسي',
    addressEn: 'King Fahd Road, Al Olaya',
    addressAr: 'طريق الملك فهد، العليا',
    cityEn: 'Riyadh',
    cityAr: 'الرياض',
    phone: '+966112345678',
    latitude: '24.6907470',
    longitude: '46.6852770',
    image: 'branches/riyadh.jpg',
    orderInList: 2,
    isActive: true,
  },
  {
    nameEn: 'Jeddah Branch',
    nameAr: 'فرع جدة',
    addressEn: 'Tahlia Street, Al Andalus',
    addressAr: 'شارع التحلية، الأندلس',
    cityEn: 'Jeddah',
    cityAr: 'جدة',
    phone: '+966122345678',
    latitude: '21.5433330',
    longitude: '39.1727790',
    image: 'branches/jeddah.jpg',
    orderInList: 1,
    isActive: true,
  },
  {
    nameEn: 'Dammam Branch',
    nameAr: 'فرع الدمام',
    addressEn: 'Prince Mohammed bin Fahd Road',
    addressAr: 'طريق الأمير محمد بن فهد',
    cityEn: 'Dammam',
    cityAr: 'الدمام',
    phone: '+966132345678',
    latitude: '26.4206830',
    longitude: '50.0887950',
    image: null,
    orderInList: 0,
    isActive: false,
  },
] as const satisfies readonly SeedBranch[]

export type SeedBranchName = (typeof SEED_BRANCHES)[number]['nameEn']

/** configuration_settings rows, by their unique Setting_Key. */
export const SEED_SETTINGS = [
  {
    key: 'platform_time_zone',
    value: PLATFORM_TIME_ZONE,
    description: 'IANA time zone of the zone-less DATETIME columns and of contract and license days',
  },
  { key: 'default_language', value: 'ar', description: 'Language for users who have not chosen one' },
  { key: 'default_currency', value: 'SAR', description: 'Currency of prices' },
  { key: 'appointment_slot_minutes', value: '30', description: 'Default length of a bookable slot' },
  { key: 'support_email', value: 'support@seed.test', description: 'Where users write for help' },
] as const
