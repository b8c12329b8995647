import type { PrismaClient } from '@cp/db'

/** Categories inserted in a scrambled order so that list order can only come from Order_In_List. */
export async function insertCategories(prisma: PrismaClient) {
  const second = await prisma.consultationCategory.create({
    data: { nameEn: 'Family', nameAr: 'الأسرة', orderInList: 2, image: 'categories/family.png', icon: '/icons/family.svg' },
  })
  const hidden = await prisma.consultationCategory.create({
    data: { nameEn: 'Hidden', nameAr: 'مخفي', orderInList: 0, isActive: false },
  })
  const first = await prisma.consultationCategory.create({
    data: {
      nameEn: 'Legal',
      nameAr: 'قانونية',
      descriptionEn: 'Contracts and disputes',
      descriptionAr: 'العقود والنزاعات',
      orderInList: 1,
      image: 'https://images.example.org/legal.png',
    },
  })
  const arabicOnly = await prisma.consultationCategory.create({
    data: { nameEn: '', nameAr: 'نفسية', orderInList: 3, image: 'categories/صورة 1.png' },
  })
  const firstService = await prisma.serviceCategory.create({
    data: { categoryId: first.categoryId, nameEn: 'Contract review', nameAr: 'مراجعة العقود', orderInList: 2, price: '150.50' },
  })
  const otherService = await prisma.serviceCategory.create({
    data: { categoryId: second.categoryId, nameEn: 'Marriage counselling', nameAr: 'استشارات زوجية', orderInList: 1 },
  })
  const inactiveService = await prisma.serviceCategory.create({
    data: { categoryId: first.categoryId, nameEn: 'Retired', nameAr: 'متوقف', orderInList: 0, isActive: false },
  })
  const secondService = await prisma.serviceCategory.create({
    data: { categoryId: first.categoryId, nameEn: 'Court filing', nameAr: 'رفع الدعاوى', orderInList: 3, icon: 'icons/court.svg' },
  })
  return { first, second, hidden, arabicOnly, firstService, secondService, otherService, inactiveService }
}
