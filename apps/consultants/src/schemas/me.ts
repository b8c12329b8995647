import { Type } from '@sinclair/typebox'
import { listItemFields, Nullable } from './consultants.js'

/** TEXT holds 65,535 bytes; 5,000 characters fit even when every one takes four bytes in utf8mb4. */
export const MAX_BIO_LENGTH = 5000
/** Photos are public, so only images may become one: a contract scan or any other file may not. */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const
/** The Photo column is VARCHAR(255). */
export const MAX_PHOTO_PATH_LENGTH = 255

const name = '[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*'
const anyCase = (word: string) =>
  [...word].map((letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`).join('')
/**
 * A photo path relative to CONTENT_URL: `consultants/<id>/`, optional folders, and a file name with an image
 * extension (any case). Names are letters, digits, `_` and `-` joined by single dots, so there is no `..`, no
 * leading slash, no scheme or host. That `<id>` is the caller's own is checked by the route ({@link ownPhotoFolder}),
 * as a schema cannot know who asks.
 */
export const PHOTO_PATH_PATTERN =
  `^consultants/[1-9][0-9]{0,9}/(?:${name}/)*${name}\\.(?:${PHOTO_EXTENSIONS.map(anyCase).join('|')})$`

/** The folder a consultant's own media live in, the only place their public photo may come from. */
export function ownPhotoFolder(consultantId: number): string {
  return `consultants/${consultantId}/`
}

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
  { additionalProperties: false, description: "The signed-in consultant's own profile" },
)

/** What PATCH answers: the same profile, as the change left it. */
export const ChangedOwnProfileSchema = Type.Object(OwnProfileSchema.properties, {
  additionalProperties: false,
  description: "The signed-in consultant's own profile, with the change made",
})

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
    // No `pattern` here: the value GET returned must pass even when it predates the rule (a legacy path), and only
    // the route knows the current value. The route applies PHOTO_PATH_PATTERN to every other value.
    photoPath: Type.Optional(
      Nullable(
        Type.String({
          maxLength: MAX_PHOTO_PATH_LENGTH,
          description:
            "Photo path relative to the content host, in the consultant's own folder " +
            `(\`consultants/<own consultant id>/\`, subfolders allowed) with the extension ` +
            `${PHOTO_EXTENSIONS.join(', ')} (any case), e.g. consultants/77/photo.jpg; null clears it. ` +
            "Another consultant's folder is 400. The current value, as GET returned it, is always accepted and " +
            'changes nothing, even a legacy path outside that folder, so a client may send back what it read. ' +
            `Pattern: \`${PHOTO_PATH_PATTERN}\``,
          examples: ['consultants/77/photo.jpg'],
        }),
      ),
    ),
    online: Type.Optional(Type.Boolean({ description: 'Shown to customers as online now' })),
  },
  { additionalProperties: false, minProperties: 1 },
)
