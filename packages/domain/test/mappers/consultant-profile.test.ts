import t from 'tap'
import { mapConsultantToProfile, type ConsultantRecord } from '../../src/mappers/consultant-profile.js'

const contentUrl = 'https://cdn.example.com'

/** Stands in for Prisma's Decimal: an object whose toString gives the exact value. */
class FakeDecimal {
  constructor(private readonly text: string) {}
  toString(): string {
    return this.text
  }
}

/** A wide row, including columns that must never reach the public profile. */
const consultant = {
  consultantId: 31,
  customerId: 7,
  categoryId: 4,
  branchId: 2,
  titleAr: 'محامية',
  titleEn: 'Lawyer',
  bioAr: 'خبرة عشر سنوات',
  bioEn: 'Ten years of experience',
  photo: 'consultants/31.png',
  price: new FakeDecimal('150.50'),
  rating: new FakeDecimal('4.75'),
  ratingCount: 12,
  onlineStatus: true,
  orderInList: 3,
  consultantStatus: 'Active' as const,
  licenseNumber: 'LIC-SECRET-1',
  contractFile: 'contracts/31.pdf',
  commissionRate: new FakeDecimal('15.00'),
}

const account = {
  firstName: 'Sara',
  lastName: 'Al-Qahtani',
  photo: 'customers/7.jpg',
  email: 'sara@example.com',
  phone: '+966501234567',
  password: '$2y$10$secret',
}

t.test('maps a consultant and their account to the public profile', async (t) => {
  t.same(mapConsultantToProfile(consultant, account, { contentUrl, locale: 'en' }), {
    id: 31,
    userId: 7,
    name: 'Sara Al-Qahtani',
    title: 'Lawyer',
    bio: 'Ten years of experience',
    titles: { en: 'Lawyer', ar: 'محامية' },
    bios: { en: 'Ten years of experience', ar: 'خبرة عشر سنوات' },
    photoUrl: 'https://cdn.example.com/consultants/31.png',
    price: 150.5,
    rating: 4.75,
    ratingCount: 12,
    online: true,
    categoryId: 4,
    branchId: 2,
  })
})

t.test('picks title and bio in the requested language, falling back to the other', async (t) => {
  const arabic = mapConsultantToProfile(consultant, account, { contentUrl, locale: 'ar' })
  t.equal(arabic.title, 'محامية')
  t.equal(arabic.bio, 'خبرة عشر سنوات')

  const englishOnly = mapConsultantToProfile({ ...consultant, titleAr: ' ', bioAr: null }, account, {
    contentUrl,
    locale: 'ar',
  })
  t.equal(englishOnly.title, 'Lawyer')
  t.equal(englishOnly.bio, 'Ten years of experience')
  t.same(englishOnly.titles, { en: 'Lawyer', ar: null }, 'the per-language fields show what is really there')
  t.same(englishOnly.bios, { en: 'Ten years of experience', ar: null })
})

t.test('never exposes contact, credential, license or contract fields', async (t) => {
  const profile = mapConsultantToProfile(consultant, account, { contentUrl, locale: 'en' })
  const json = JSON.stringify(profile)
  for (const secret of ['sara@example.com', '+966501234567', '$2y$', 'LIC-SECRET', 'contracts/31.pdf', '15.00']) {
    t.notOk(json.includes(secret), `does not contain ${secret}`)
  }
  t.same(Object.keys(profile).toSorted(), [
    'bio', 'bios', 'branchId', 'categoryId', 'id', 'name', 'online', 'photoUrl', 'price', 'rating', 'ratingCount',
    'title', 'titles', 'userId',
  ])
})

t.test("falls back to the account's photo when the consultant has none", async (t) => {
  const options = { contentUrl, locale: 'en' } as const
  t.equal(mapConsultantToProfile({ ...consultant, photo: null }, account, options).photoUrl, 'https://cdn.example.com/customers/7.jpg')
  t.equal(mapConsultantToProfile({ ...consultant, photo: '  ' }, account, options).photoUrl, 'https://cdn.example.com/customers/7.jpg')
  t.equal(mapConsultantToProfile({ ...consultant, photo: null }, { ...account, photo: null }, options).photoUrl, null)
})

t.test('legacy gaps and column types map to clean values', async (t) => {
  const sparse: ConsultantRecord = {
    consultantId: 32,
    customerId: 8,
    categoryId: null,
    branchId: 0,
    titleAr: null,
    titleEn: null,
    bioAr: null,
    bioEn: null,
    photo: null,
    price: null,
    rating: null,
    ratingCount: null,
    onlineStatus: 0,
  }
  const profile = mapConsultantToProfile(sparse, { firstName: 'Omar', lastName: null, photo: null }, {
    contentUrl,
    locale: 'en',
  })
  t.equal(profile.name, 'Omar')
  t.equal(profile.title, null)
  t.equal(profile.bio, null)
  t.same(profile.titles, { en: null, ar: null })
  t.equal(profile.price, null, 'no price is not a zero price')
  t.equal(profile.rating, 0)
  t.equal(profile.ratingCount, 0)
  t.equal(profile.online, false, 'TINYINT 0')
  t.equal(profile.categoryId, null)
  t.equal(profile.branchId, null, '0 is not a branch')
})

t.test('decimals arrive as Decimal objects, strings or numbers', async (t) => {
  const options = { contentUrl, locale: 'en' } as const
  t.equal(mapConsultantToProfile({ ...consultant, price: '99.90', rating: 5 }, account, options).price, 99.9)
  t.equal(mapConsultantToProfile({ ...consultant, price: 0, rating: '0.00' }, account, options).price, 0, 'free')
  t.equal(mapConsultantToProfile({ ...consultant, rating: '0.00' }, account, options).rating, 0)
  t.equal(mapConsultantToProfile({ ...consultant, onlineStatus: 1 }, account, options).online, true)
})
