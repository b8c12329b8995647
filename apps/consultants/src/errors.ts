import { defineErrors } from '@cp/domain'

export const CONSULTANTS_ERRORS = defineErrors({
  CONSULTANTS_NOT_FOUND: {
    status: 404,
    title: { en: 'Consultant not found', ar: 'المستشار غير موجود' },
  },
})

export type ConsultantsErrorCode = keyof typeof CONSULTANTS_ERRORS
