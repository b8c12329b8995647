import { Type } from '@sinclair/typebox'
import { listItemFields, Nullable } from './consultants.js'

/** TEXT holds 65,535 bytes; 5,000 characters fit even when every one takes four bytes in utf8mb4. */
export const MAX_BIO_LENGTH = 5000
/**
 * A path relative to CONTENT_URL, as an upload returns it: segments of letters, digits, `.`, `_` and `-` that do
 * not start with a dot, so no `..`, no absolute URL and no host can be smuggled in.
 */
export const MEDIA_PATH_PATTERN = '^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$'

const LocalizedText = Type.Object(
  { en: Nullable(Type.String()), ar: Nullable(Type.String()) },
  { additionalProperties: false },
)

const calendarDate = (description: string) => Type.String({ format: 'date', description })

export const OwnProfileSchema = Type.Object(
  {
    ...listItemFields,
    titles: LocalizedText,
    bios: LocalizedText,
    photoPath: Nullable(Type.String({ description: 'As stored, relative to the content host (what PATCH takes)' })),
    contract: Nullable(
      Type.Object(
        { startDate: calendarDate('First day'), endDate: calendarDate('Last day (inclusive)') },
        { additionalProperties: false, description: 'The contract in effect today that ends last' },
      ),
    ),
    license: Nullable(
      Type.Object(
        { expiryDate: calendarDate('Last valid day (inclusive)') },
        { additionalProperties: false, description: 'The valid license that expires last' },
      ),
    ),
    eligibility: Type.Object(
      {
        eligible: Type.Boolean(),
        eligibleUntil: Type.String({
          format: 'date-time',
          description: 'When the contract or the license runs out, whichever is first (platform offset)',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

const bio = (language: string) =>
  Type.Optional(
    Nullable(Type.String({ maxLength: MAX_BIO_LENGTH, description: `Biography in ${language}; null clears it` })),
  )

/**
 * The fields a consultant may change. Anything else (status, price, order in list, rating, category, ...) is not
 * ignored but refused with 400, so a client never believes a change was made.
 */
export const OwnProfilePatchSchema = Type.Object(
  {
    bioEn: bio('English'),
    bioAr: bio('Arabic'),
    photoPath: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 255,
          pattern: MEDIA_PATH_PATTERN,
          description: 'Photo path relative to the content host, e.g. consultants/77/photo.jpg; null clears it',
        }),
      ),
    ),
    online: Type.Optional(Type.Boolean({ description: 'Shown to customers as online now' })),
  },
  { additionalProperties: false, minProperties: 1 },
)
