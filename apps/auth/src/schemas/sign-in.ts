import { type Static, Type } from '@sinclair/typebox'
import { MAX_PASSWORD_BYTES } from '../lib/passwords.js'

export const RoleSchema = Type.Union([Type.Literal('customer'), Type.Literal('consultant')], {
  description: 'Sign in as a customer (default) or as a consultant (who must exist and be eligible)',
})

/** Long enough for any written form of an e-mail address or phone number; longer input cannot be either. */
const DestinationSchema = Type.String({
  minLength: 1,
  maxLength: 320,
  description: 'A mobile number (E.164, national, with 00, spaces, dashes or Arabic-Indic digits) or an e-mail address',
  examples: ['+966501234567', 'name@example.com'],
})

export const PasswordSignInBodySchema = Type.Object(
  {
    login: Type.String({
      minLength: 1,
      maxLength: 320,
      description: 'The account e-mail address or mobile number',
      examples: ['name@example.com'],
    }),
    password: Type.String({
      minLength: 1,
      maxLength: MAX_PASSWORD_BYTES,
      description: `At most ${MAX_PASSWORD_BYTES} bytes (UTF-8); longer passwords are refused before any hashing`,
    }),
    role: Type.Optional(RoleSchema),
  },
  { additionalProperties: false },
)

export const OtpRequestBodySchema = Type.Object(
  { destination: DestinationSchema, role: Type.Optional(RoleSchema) },
  { additionalProperties: false },
)
export type OtpRequestBody = Static<typeof OtpRequestBodySchema>

export const OtpVerifyBodySchema = Type.Object(
  {
    destination: DestinationSchema,
    code: Type.String({ pattern: '^[0-9]{6}$', description: 'The six digits received, as a string', examples: ['042137'] }),
    role: Type.Optional(RoleSchema),
  },
  { additionalProperties: false },
)

export const OtpRequestedSchema = Type.Object(
  {
    expiresIn: Type.Integer({ description: 'Seconds a code stays valid' }),
    resendAfter: Type.Integer({ description: 'Seconds before another code may be requested' }),
  },
  {
    additionalProperties: false,
    description: 'Always the same answer, whether or not an account uses this destination',
  },
)

export const TokenPairSchema = Type.Object(
  {
    tokenType: Type.Literal('Bearer'),
    accessToken: Type.String({ description: 'JWT (ES256, typ at+jwt) for the other services; short-lived' }),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
    refreshToken: Type.String({ description: 'Opaque; send it only to this service, to POST /v1/auth/token/refresh' }),
    sessionId: Type.String({ format: 'uuid' }),
    user: Type.Object(
      {
        id: Type.Integer({ description: 'The customer account id (the token subject)' }),
        role: RoleSchema,
        consultantId: Type.Union([Type.Integer(), Type.Null()]),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

export const RefreshBodySchema = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 4096 }) },
  { additionalProperties: false },
)
