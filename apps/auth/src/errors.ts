import { consultantEligibilityErrors, defineErrors } from '@cp/domain'
import { errorFactory, problemResponsesFor } from '@cp/service-kit'

export const AUTH_ERRORS = defineErrors({
  ...consultantEligibilityErrors,
  // One answer for an unknown account, an account without a password and a wrong password.
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    title: { en: 'The sign-in details are not correct', ar: 'بيانات تسجيل الدخول غير صحيحة' },
  },
  // Password spraying: many accounts tried from one client (IP, or IPv6 /64).
  AUTH_SIGN_IN_IP_LIMITED: {
    status: 429,
    title: { en: 'Too many failed sign-ins from this network', ar: 'محاولات تسجيل دخول فاشلة كثيرة من هذه الشبكة' },
  },
  AUTH_PASSWORD_TOO_LONG: {
    status: 400,
    title: { en: 'The password is too long', ar: 'كلمة المرور طويلة جدًا' },
  },
  AUTH_SIGN_IN_DELAYED: {
    status: 429,
    title: {
      en: 'Too many failed sign-in attempts; wait before trying again',
      ar: 'محاولات تسجيل دخول فاشلة كثيرة؛ انتظر قبل المحاولة مرة أخرى',
    },
  },
  AUTH_SIGN_IN_LOCKED: {
    status: 429,
    title: {
      en: 'Sign-in is locked for a while after too many failed attempts',
      ar: 'تم إيقاف تسجيل الدخول مؤقتًا بعد محاولات فاشلة كثيرة',
    },
  },
  // Several legacy rows hold spellings of one phone number or e-mail address (`050 000 8777` and `+966500008777`):
  // signing in to one of them would be a guess. Told only to someone who proved the destination or a password.
  AUTH_ACCOUNT_AMBIGUOUS: {
    status: 409,
    title: {
      en: 'More than one account uses this phone number or e-mail address; contact support to merge them',
      ar: 'يستخدم أكثر من حساب رقم الجوال أو البريد الإلكتروني هذا؛ تواصل مع الدعم لدمج الحسابات',
    },
  },
  AUTH_ACCOUNT_DISABLED: {
    status: 403,
    title: { en: 'This account has been disabled', ar: 'تم تعطيل هذا الحساب' },
  },
  AUTH_INVALID_DESTINATION: {
    status: 400,
    title: { en: 'This is not a valid mobile number or e-mail address', ar: 'هذا ليس رقم جوال أو بريدًا إلكترونيًا صالحًا' },
  },
  AUTH_OTP_RESEND_TOO_SOON: {
    status: 429,
    title: { en: 'A code was sent moments ago; wait before asking again', ar: 'تم إرسال رمز قبل لحظات؛ انتظر قبل طلب رمز جديد' },
  },
  AUTH_OTP_DESTINATION_LIMITED: {
    status: 429,
    title: { en: 'Too many codes were sent to this destination', ar: 'تم إرسال رموز كثيرة إلى هذه الوجهة' },
  },
  AUTH_OTP_IP_LIMITED: {
    status: 429,
    title: { en: 'Too many code requests from this network', ar: 'طلبات رموز كثيرة من هذه الشبكة' },
  },
  // Wrong, expired, replaced or burned codes, and destinations without a code, all look the same.
  AUTH_OTP_INVALID: {
    status: 401,
    title: { en: 'The code is not valid', ar: 'الرمز غير صالح' },
  },
  // The right code, submitted again after (or while) it signed someone in: a retry or a double tap, not a guess.
  AUTH_OTP_ALREADY_USED: {
    status: 409,
    title: {
      en: 'This code has already been used; request a new code to sign in again',
      ar: 'تم استخدام هذا الرمز من قبل؛ اطلب رمزًا جديدًا لتسجيل الدخول مرة أخرى',
    },
  },
  AUTH_OTP_VERIFY_LIMITED: {
    status: 429,
    title: {
      en: 'Too many wrong codes for this destination; try again later',
      ar: 'رموز خاطئة كثيرة لهذه الوجهة؛ حاول لاحقًا',
    },
  },
  AUTH_REFRESH_INVALID: {
    status: 401,
    title: { en: 'The refresh token is not valid', ar: 'رمز التحديث غير صالح' },
  },
  AUTH_REFRESH_REUSED: {
    status: 401,
    title: {
      en: 'The refresh token was already used; the session has been ended',
      ar: 'تم استخدام رمز التحديث من قبل؛ تم إنهاء الجلسة',
    },
  },
  AUTH_SESSION_EXPIRED: {
    status: 401,
    title: { en: 'The session has expired; sign in again', ar: 'انتهت الجلسة؛ سجّل الدخول مرة أخرى' },
  },
  AUTH_SESSION_ENDED: {
    status: 401,
    title: { en: 'The session has ended; sign in again', ar: 'انتهت الجلسة؛ سجّل الدخول مرة أخرى' },
  },
})

export const problems = problemResponsesFor(AUTH_ERRORS)

/** Errors of this service: a code that AUTH_ERRORS (or COMMON) does not define does not compile. */
export const authError = errorFactory(AUTH_ERRORS)

/** What every route with a body can answer before its handler runs: a body over the limit, or not JSON. */
export const BODY_CODES = ['COMMON_PAYLOAD_TOO_LARGE', 'COMMON_UNSUPPORTED_MEDIA_TYPE'] as const

/** Every ineligibility code, for the docs of routes that sign a consultant in or refresh their session. */
export const ELIGIBILITY_CODES = Object.keys(consultantEligibilityErrors) as Array<keyof typeof consultantEligibilityErrors>

/** What the `authenticate` hook answers beyond the token check: an ended session, an unusable account. */
export const SIGNED_IN_CODES = ['AUTH_SESSION_ENDED', 'AUTH_ACCOUNT_DISABLED', ...ELIGIBILITY_CODES] as const
