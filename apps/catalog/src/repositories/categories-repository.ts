import type { PrismaClient } from '@cp/db'
import type { CategoryId, ConsultationCategoryRecord, ServiceCategoryId, ServiceCategoryRecord } from '@cp/domain'

const categoryColumns = {
  nameAr: true,
  nameEn: true,
  descriptionAr: true,
  descriptionEn: true,
  image: true,
  icon: true,
  orderInList: true,
} as const

const consultationCategorySelect = { categoryId: true, ...categoryColumns } as const
const serviceCategorySelect = { serviceCategoryId: true, categoryId: true, price: true, ...categoryColumns } as const

/** Reads the two legacy category tables. Only active rows exist for the API; inactive ones are never returned. */
export function createCategoriesRepository(db: PrismaClient) {
  return {
    listConsultationCategories(): Promise<ConsultationCategoryRecord[]> {
      return db.consultationCategory.findMany({
        where: { isActive: true },
        select: consultationCategorySelect,
        orderBy: [{ orderInList: 'asc' }, { categoryId: 'asc' }],
      })
    },

    findConsultationCategory(id: CategoryId): Promise<ConsultationCategoryRecord | null> {
      return db.consultationCategory.findFirst({
        where: { categoryId: id, isActive: true },
        select: consultationCategorySelect,
      })
    },

    listServiceCategories(filter: { parentCategoryId?: CategoryId }): Promise<ServiceCategoryRecord[]> {
      return db.serviceCategory.findMany({
        where: {
          isActive: true,
          ...(filter.parentCategoryId === undefined ? {} : { categoryId: filter.parentCategoryId }),
        },
        select: serviceCategorySelect,
        orderBy: [{ orderInList: 'asc' }, { serviceCategoryId: 'asc' }],
      })
    },

    findServiceCategory(id: ServiceCategoryId): Promise<ServiceCategoryRecord | null> {
      return db.serviceCategory.findFirst({
        where: { serviceCategoryId: id, isActive: true },
        select: serviceCategorySelect,
      })
    },
  }
}

export type CategoriesRepository = ReturnType<typeof createCategoriesRepository>
