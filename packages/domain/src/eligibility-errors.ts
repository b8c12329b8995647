import { defineErrors } from './errors.js'
import type { IneligibilityReason } from './eligibility.js'

/** One code per ineligibility reason, so a client can tell a consultant exactly what blocks their sign-in. */
export const consultantEligibilityErrors = defineErrors({
  AUTH_CONSULTANT_CUSTOMER_MISSING: {
    status: 403,
    title: { en: 'The account of this consultant does not exist', ar: 'حساب هذا المستشار غير موجود' },
  },
  AUTH_CONSULTANT_CUSTOMER_DISABLED: {
    status: 403,
    title: { en: 'This account has been disabled', ar: 'تم تعطيل هذا الحساب' },
  },
  AUTH_CONSULTANT_CONSULTANT_MISSING: {
    status: 403,
    title: { en: 'No consultant profile exists for this account', ar: 'لا يوجد ملف مستشار لهذا الحساب' },
  },
  AUTH_CONSULTANT_CONSULTANT_DISABLED: {
    status: 403,
    title: { en: 'This consultant profile has been disabled', ar: 'تم تعطيل ملف المستشار' },
  },
  AUTH_CONSULTANT_ORDER_MISSING: {
    status: 403,
    title: { en: 'No consultant application was found for this account', ar: 'لا يوجد طلب انضمام كمستشار لهذا الحساب' },
  },
  AUTH_CONSULTANT_ORDER_PENDING: {
    status: 403,
    title: { en: 'The consultant application is still under review', ar: 'طلب الانضمام كمستشار ما زال قيد المراجعة' },
  },
  AUTH_CONSULTANT_ORDER_REJECTED: {
    status: 403,
    title: { en: 'The consultant application was rejected', ar: 'تم رفض طلب الانضمام كمستشار' },
  },
  AUTH_CONSULTANT_CONTRACT_MISSING: {
    status: 403,
    title: { en: 'No contract exists for this consultant', ar: 'لا يوجد عقد لهذا المستشار' },
  },
  AUTH_CONSULTANT_CONTRACT_NOT_STARTED: {
    status: 403,
    title: { en: "The consultant's contract has not started yet", ar: 'لم يبدأ عقد المستشار بعد' },
  },
  AUTH_CONSULTANT_CONTRACT_EXPIRED: {
    status: 403,
    title: { en: "The consultant's contract has expired", ar: 'انتهى عقد المستشار' },
  },
  AUTH_CONSULTANT_LICENSE_MISSING: {
    status: 403,
    title: { en: 'No professional license exists for this consultant', ar: 'لا يوجد ترخيص مهني لهذا المستشار' },
  },
  AUTH_CONSULTANT_LICENSE_EXPIRED: {
    status: 403,
    title: { en: "The consultant's license has expired", ar: 'انتهت صلاحية ترخيص المستشار' },
  },
})

export type ConsultantEligibilityErrorCode = keyof typeof consultantEligibilityErrors

/** The error code a service answers an ineligible consultant with. */
export function eligibilityErrorCode(reason: IneligibilityReason): ConsultantEligibilityErrorCode {
  return `AUTH_CONSULTANT_${reason}`
}
