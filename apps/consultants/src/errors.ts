import { consultantEligibilityErrors, defineErrors } from '@cp/domain'
import { errorFactory, type FieldError, problemResponsesFor } from '@cp/service-kit'

export const CONSULTANTS_ERRORS = defineErrors({
  CONSULTANTS_NOT_FOUND: {
    status: 404,
    title: { en: 'Consultant not found', ar: 'المستشار غير موجود' },
  },
  // The /me routes answer an ineligible consultant with the sign-in rule's own codes.
  ...consultantEligibilityErrors,
})

export const problems = problemResponsesFor(CONSULTANTS_ERRORS)

/** Errors of this service: a code that CONSULTANTS_ERRORS (or COMMON) does not define does not compile. */
export const consultantsError = errorFactory(CONSULTANTS_ERRORS)

/** A 400 for a check that only a handler can make (the schema cannot express it), shaped like a schema failure. */
export function validationError(...errors: FieldError[]) {
  return consultantsError('COMMON_VALIDATION', { errors })
}
