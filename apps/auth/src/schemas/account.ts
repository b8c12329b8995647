import { MAX_DEVICE_TOKEN_LENGTH } from '@cp/domain'
import { type Static, Type } from '@sinclair/typebox'
import { RoleSchema } from './sign-in.js'

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const LocalizedSchema = Type.Object(
  { en: Type.Union([Type.String(), Type.Null()]), ar: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false },
)

export const ConsultantProfileSchema = Type.Object(
  {
    id: Type.Integer(),
    userId: Type.Integer(),
    name: Type.String(),
    title: Nullable(Type.String()),
    bio: Nullable(Type.String()),
    titles: LocalizedSchema,
    bios: LocalizedSchema,
    photoUrl: Nullable(Type.String()),
    price: Type.Union([Type.Number(), Type.Null()]),
    rating: Type.Number(),
    ratingCount: Type.Integer(),
    online: Type.Boolean(),
    categoryId: Type.Union([Type.Integer(), Type.Null()]),
    branchId: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
)

export const MeSchema = Type.Object(
  {
    id: Type.Integer({ description: 'The customer account id' }),
    firstName: Type.String(),
    lastName: Type.String(),
    fullName: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    photoUrl: Nullable(Type.String()),
    gender: Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Null()]),
    birthDate: Nullable(Type.String({ format: 'date' })),
    language: Type.Union([Type.Literal('en'), Type.Literal('ar')]),
    verified: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    role: RoleSchema,
    consultant: Type.Union([ConsultantProfileSchema, Type.Null()], {
      description: 'The consultant profile, for a consultant session; null for customers',
    }),
  },
  { additionalProperties: false },
)

export const DeviceBodySchema = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: MAX_DEVICE_TOKEN_LENGTH,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'The FCM or APNs push token',
    }),
    platform: Type.Union([Type.Literal('ios'), Type.Literal('android'), Type.Literal('web')]),
  },
  { additionalProperties: false },
)
export type DeviceBody = Static<typeof DeviceBodySchema>
