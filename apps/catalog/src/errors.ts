import { defineErrors } from '@cp/domain'
import { problemResponsesFor } from '@cp/service-kit'

export const CATALOG_ERRORS = defineErrors({
  CATALOG_CATEGORY_NOT_FOUND: {
    status: 404,
    title: { en: 'Consultation category not found', ar: 'تصنيف الاستشارات غير موجود' },
  },
  CATALOG_SERVICE_CATEGORY_NOT_FOUND: {
    status: 404,
    title: { en: 'Service category not found', ar: 'تصنيف الخدمات غير موجود' },
  },
})

export type CatalogErrorCode = keyof typeof CATALOG_ERRORS

export const problems = problemResponsesFor(CATALOG_ERRORS)
