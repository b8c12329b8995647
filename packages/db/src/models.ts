// The generated client's public surface, named one by one so that only the client, its error and helper
// namespace, the enums and the model record types leave this package (no `export *` of generated code).
export { Prisma } from './generated/prisma/client.js'
export type { PrismaClient } from './generated/prisma/client.js'
export * from './generated/prisma/enums.js'
export type {
  Appointment,
  AuthDeviceToken,
  AuthOtpChallenge,
  AuthOtpEvent,
  AuthRefreshToken,
  AuthSession,
  AuthSignInThrottle,
  Article,
  Branch,
  Career,
  CareerApplication,
  Collection,
  Comment,
  ConfigurationSetting,
  Consultant,
  ConsultantContract,
  ConsultantLicense,
  ConsultantSchedule,
  ConsultationCategory,
  ConsultationOrder,
  Course,
  CourseEnrollment,
  Customer,
  CustomerToken,
  Favourite,
  Like,
  Notification,
  OtpCode,
  Payment,
  Review,
  ServiceCategory,
  View,
} from './generated/prisma/client.js'
