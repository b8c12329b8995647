import { defineErrors } from '@cp/domain'

/** Codes every service can answer with; service catalogs add their own prefixed codes. */
export const COMMON_ERRORS = defineErrors({
  COMMON_VALIDATION: {
    status: 400,
    title: { en: 'The request is not valid', ar: 'الطلب غير صالح' },
  },
  COMMON_BAD_REQUEST: {
    status: 400,
    title: { en: 'The request could not be read', ar: 'تعذرت قراءة الطلب' },
  },
  COMMON_UNAUTHORIZED: {
    status: 401,
    title: { en: 'Authentication is required', ar: 'يلزم تسجيل الدخول' },
  },
  COMMON_FORBIDDEN: {
    status: 403,
    title: { en: 'You are not allowed to do this', ar: 'غير مسموح لك بتنفيذ هذا الإجراء' },
  },
  COMMON_NOT_FOUND: {
    status: 404,
    title: { en: 'The requested resource was not found', ar: 'المورد المطلوب غير موجود' },
  },
  COMMON_METHOD_NOT_ALLOWED: {
    status: 405,
    title: { en: 'This method is not allowed here', ar: 'هذه الطريقة غير مسموح بها هنا' },
  },
  COMMON_PAYLOAD_TOO_LARGE: {
    status: 413,
    title: { en: 'The request body is too large', ar: 'حجم محتوى الطلب كبير جدًا' },
  },
  COMMON_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { en: 'The content type is not supported', ar: 'نوع المحتوى غير مدعوم' },
  },
  COMMON_HEADERS_TOO_LARGE: {
    status: 431,
    title: { en: 'The request headers are too large', ar: 'ترويسات الطلب كبيرة جدًا' },
  },
  COMMON_RATE_LIMITED: {
    status: 429,
    title: { en: 'Too many requests, try again later', ar: 'طلبات كثيرة جدًا، حاول مرة أخرى لاحقًا' },
  },
  COMMON_INTERNAL: {
    status: 500,
    title: { en: 'Something went wrong on our side', ar: 'حدث خطأ من جهتنا' },
  },
  COMMON_UNAVAILABLE: {
    status: 503,
    title: { en: 'The service is temporarily unavailable', ar: 'الخدمة غير متاحة مؤقتًا' },
  },
})

export type CommonErrorCode = keyof typeof COMMON_ERRORS
