import t from 'tap'
import {
  toCategoryListItem,
  toServiceCategoryListItem,
  type ConsultationCategoryRecord,
  type ServiceCategoryRecord,
} from '../../src/mappers/category-list-item.js'

const contentUrl = 'https://cdn.example.com/'

const category = {
  categoryId: 4,
  nameAr: 'استشارات قانونية',
  nameEn: 'Legal',
  descriptionAr: 'محامون معتمدون',
  descriptionEn: null,
  image: 'categories/legal image.png',
  icon: '/icons/legal.svg',
  orderInList: 2,
  isActive: true,
  createdAt: new Date('2024-01-01T00:00:00Z'),
  updatedAt: new Date('2024-01-02T00:00:00Z'),
} satisfies ConsultationCategoryRecord & Record<string, unknown>

const service: ServiceCategoryRecord = {
  serviceCategoryId: 12,
  categoryId: 4,
  nameAr: 'صياغة عقد',
  nameEn: 'Contract drafting',
  descriptionAr: null,
  descriptionEn: 'A reviewed contract within three days',
  image: null,
  icon: 'https://icons.example.org/contract.svg',
  price: { toString: () => '250.00' },
  orderInList: 1,
}

t.test('a consultations category in the requested language', async (t) => {
  t.same(toCategoryListItem(category, { contentUrl, locale: 'en' }), {
    id: 4,
    name: 'Legal',
    description: 'محامون معتمدون',
    imageUrl: 'https://cdn.example.com/categories/legal%20image.png',
    iconUrl: 'https://cdn.example.com/icons/legal.svg',
    order: 2,
  })
  const arabic = toCategoryListItem(category, { contentUrl, locale: 'ar' })
  t.equal(arabic.name, 'استشارات قانونية')
  t.equal(arabic.description, 'محامون معتمدون')
})

t.test('bothLanguages adds names and descriptions per language', async (t) => {
  const item = toCategoryListItem(category, { contentUrl, locale: 'en', bothLanguages: true })
  t.same(item.names, { en: 'Legal', ar: 'استشارات قانونية' })
  t.same(item.descriptions, { en: null, ar: 'محامون معتمدون' })
  t.equal(item.name, 'Legal', 'the localized fields are still there')

  const plain = toCategoryListItem(category, { contentUrl, locale: 'en', bothLanguages: false })
  t.notOk('names' in plain)
  t.notOk('descriptions' in plain)
})

t.test('never copies columns it was not asked for', async (t) => {
  t.same(Object.keys(toCategoryListItem(category, { contentUrl, locale: 'en' })).toSorted(), [
    'description', 'iconUrl', 'id', 'imageUrl', 'name', 'order',
  ])
})

t.test('legacy gaps in a category row', async (t) => {
  const sparse: ConsultationCategoryRecord = {
    categoryId: 5,
    nameAr: null,
    nameEn: '  ',
    descriptionAr: null,
    descriptionEn: null,
    image: '',
    icon: null,
    orderInList: null,
  }
  t.same(toCategoryListItem(sparse, { contentUrl, locale: 'ar' }), {
    id: 5,
    name: '',
    description: null,
    imageUrl: null,
    iconUrl: null,
    order: 0,
  })
})

t.test('a services category adds its parent and price', async (t) => {
  t.same(toServiceCategoryListItem(service, { contentUrl, locale: 'ar' }), {
    id: 12,
    name: 'صياغة عقد',
    description: 'A reviewed contract within three days',
    imageUrl: null,
    iconUrl: 'https://icons.example.org/contract.svg',
    order: 1,
    parentCategoryId: 4,
    price: 250,
  })
})

t.test('a services category in both languages, without parent or price', async (t) => {
  const item = toServiceCategoryListItem(
    { ...service, categoryId: null, price: null },
    { contentUrl, locale: 'en', bothLanguages: true },
  )
  t.equal(item.parentCategoryId, null)
  t.equal(item.price, null)
  t.same(item.names, { en: 'Contract drafting', ar: 'صياغة عقد' })
  t.same(item.descriptions, { en: 'A reviewed contract within three days', ar: null })
  t.equal(toServiceCategoryListItem({ ...service, categoryId: 0 }, { contentUrl, locale: 'en' }).parentCategoryId, null)
})

t.test('the option decides the shape when only known at run time', async (t) => {
  for (const bothLanguages of [true, false]) {
    const item = toCategoryListItem(category, { contentUrl, locale: 'en', bothLanguages })
    t.equal('names' in item, bothLanguages)
  }
})
