import { defineErrors } from '@cp/domain'
import { errorFactory, problemResponsesFor } from '@cp/service-kit'

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

export const problems = problemResponsesFor(CATALOG_ERRORS)

/** Errors of this service: a code that CATALOG_ERRORS (or COMMON) does not define does not compile. */
export const catalogError = errorFactory(CATALOG_ERRORS)
