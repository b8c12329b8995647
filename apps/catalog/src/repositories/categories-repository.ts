import { columnsAs, type ConsultationCategory, type DriverRow, Prisma, type RowReader, type ServiceCategory } from '@cp/db'
import type { CategoryId, ConsultationCategoryRecord, ServiceCategoryId, ServiceCategoryRecord } from '@cp/domain'

// Each map names the columns a read selects, by the field they become; the row types follow from them.
const SHARED_COLUMNS = {
  nameAr: 'Name_Ar',
  nameEn: 'Name_En',
  descriptionAr: 'Description_Ar',
  descriptionEn: 'Description_En',
  image: 'Image',
  icon: 'Icon',
  orderInList: 'Order_In_List',
} as const
const CONSULTATION_CATEGORY_SOURCES = { categoryId: 'Category_ID', ...SHARED_COLUMNS } as const
const SERVICE_CATEGORY_SOURCES = {
  serviceCategoryId: 'Service_Category_ID',
  categoryId: 'Category_ID',
  price: 'Price',
  ...SHARED_COLUMNS,
} as const

/** A consultations category as read: Prisma's types for the selected columns, as the driver decodes them. */
type ConsultationCategoryRow = DriverRow<Pick<ConsultationCategory, keyof typeof CONSULTATION_CATEGORY_SOURCES>>
/** A services category as read (`price`, a DECIMAL, as its exact text). */
type ServiceCategoryRow = DriverRow<Pick<ServiceCategory, keyof typeof SERVICE_CATEGORY_SOURCES>>

const CONSULTATION_CATEGORY_COLUMNS = columnsAs<ConsultationCategoryRow>(CONSULTATION_CATEGORY_SOURCES)
const SERVICE_CATEGORY_COLUMNS = columnsAs<ServiceCategoryRow>(SERVICE_CATEGORY_SOURCES)

/**
 * Reads the two legacy category tables. Only active rows exist for the API; inactive ones are never returned.
 * These are the catalog's only reads, so they go straight to the driver (`app.dbReadRows`): the process then never
 * loads Prisma's query compiler (tens of MiB resident; bench/README.md), and each read costs the driver's CPU, not
 * Prisma's. The statements are what Prisma's `findMany`/`findFirst` with the same select and order sent.
 */
export function createCategoriesRepository(rows: RowReader) {
  return {
    listConsultationCategories(): Promise<ConsultationCategoryRecord[]> {
      return rows<ConsultationCategoryRow>(Prisma.sql`SELECT ${CONSULTATION_CATEGORY_COLUMNS}
        FROM consultations_categories WHERE Is_Active = 1 ORDER BY Order_In_List ASC, Category_ID ASC`)
    },

    async findConsultationCategory(id: CategoryId): Promise<ConsultationCategoryRecord | null> {
      const [found] = await rows<ConsultationCategoryRow>(Prisma.sql`SELECT ${CONSULTATION_CATEGORY_COLUMNS}
        FROM consultations_categories WHERE Category_ID = ${id} AND Is_Active = 1 LIMIT 1`)
      return found ?? null
    },

    listServiceCategories(filter: { parentCategoryId?: CategoryId }): Promise<ServiceCategoryRecord[]> {
      const parent = filter.parentCategoryId === undefined ? Prisma.empty : Prisma.sql`AND Category_ID = ${filter.parentCategoryId}`
      return rows<ServiceCategoryRow>(Prisma.sql`SELECT ${SERVICE_CATEGORY_COLUMNS}
        FROM services_categories WHERE Is_Active = 1 ${parent} ORDER BY Order_In_List ASC, Service_Category_ID ASC`)
    },

    async findServiceCategory(id: ServiceCategoryId): Promise<ServiceCategoryRecord | null> {
      const [found] = await rows<ServiceCategoryRow>(Prisma.sql`SELECT ${SERVICE_CATEGORY_COLUMNS}
        FROM services_categories WHERE Service_Category_ID = ${id} AND Is_Active = 1 LIMIT 1`)
      return found ?? null
    },
  }
}

export type CategoriesRepository = ReturnType<typeof createCategoriesRepository>
