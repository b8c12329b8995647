import { PageQuerySchema, paginated } from '@cp/db'
import { MAX_INT_ID } from '@cp/domain'
import { type Static, type TSchema, Type } from '@sinclair/typebox'

export const CONSULTANT_SORTS = ['order', 'rating', 'price', 'price_desc'] as const
export type ConsultantSort = (typeof CONSULTANT_SORTS)[number]

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** How many of the newest visible reviews a profile shows. */
export const LATEST_REVIEWS = 5
/** Longer search text cannot match a name or title (VARCHAR(100) and VARCHAR(191) columns) in any useful way. */
export const MAX_SEARCH_LENGTH = 100

/** Routes without query parameters still refuse unknown ones, like every other route. */
export const NoQuerySchema = Type.Object({}, { additionalProperties: false })

const referenceId = (description: string) => Type.Integer({ minimum: 1, maximum: MAX_INT_ID, description })

export const ConsultantListQuerySchema = Type.Object(
  {
    ...PageQuerySchema.properties,
    // A plain enum: OpenAPI 3.0 has no `const`, which a union of literals would produce.
    sort: Type.Optional(
      Type.Unsafe<ConsultantSort>({
        type: 'string',
        enum: [...CONSULTANT_SORTS],
        default: 'order',
        description:
          '`order`: the platform list order; `rating`: best rated first (then most rated); ' +
          '`price`: cheapest first, consultants without a price last; `price_desc`: dearest first',
      }),
    ),
    categoryId: Type.Optional(referenceId('Only consultants of this consultation category')),
    branchId: Type.Optional(referenceId('Only consultants of this branch')),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: MAX_SEARCH_LENGTH,
        description:
          'Text found anywhere in the name or in the Arabic or English title, ignoring case; `%` and `_` are ' +
          'matched literally',
      }),
    ),
    online: Type.Optional(Type.Boolean({ description: '`true`: only consultants online now; `false`: only offline' })),
  },
  { additionalProperties: false },
)

export type ConsultantListQuery = Static<typeof ConsultantListQuerySchema>

const NamedReferenceSchema = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    name: Nullable(Type.String({ description: 'In the request language, falling back to the other one' })),
  },
  { additionalProperties: false },
)

/** The public fields; the list item, the profile and the consultant's own view all start with these. */
export const listItemFields = {
  id: Type.Integer({ minimum: 1 }),
  name: Type.String({ description: 'Full name of the consultant' }),
  title: Nullable(Type.String({ description: 'Professional title in the request language' })),
  photoUrl: Nullable(Type.String({ format: 'uri', description: 'Absolute URL on the content host' })),
  price: Nullable(Type.Number({ description: 'Price of a session' })),
  rating: Type.Number({ minimum: 0, maximum: 5 }),
  ratingCount: Type.Integer({ minimum: 0 }),
  online: Type.Boolean(),
  verified: Type.Boolean(),
  category: Nullable(NamedReferenceSchema),
  branch: Nullable(NamedReferenceSchema),
}

export const ConsultantListItemSchema = Type.Object(listItemFields, {
  additionalProperties: false,
  description: 'The public projection of a bookable consultant',
})

export const ConsultantListSchema = Type.Object(paginated(ConsultantListItemSchema).properties, {
  description: 'One page of bookable consultants, with the total that match',
})

const ReviewSchema = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    rating: Type.Integer(),
    comment: Nullable(Type.String()),
    createdAt: Nullable(Type.String({ format: 'date-time', description: 'With the platform offset' })),
    reviewerName: Nullable(Type.String({ description: "The reviewer's first name" })),
  },
  { additionalProperties: false },
)

const starCount = Type.Integer({ minimum: 0 })

export const ConsultantDetailSchema = Type.Object(
  {
    ...listItemFields,
    bio: Nullable(Type.String({ description: 'In the request language, falling back to the other one' })),
    ratingDistribution: Type.Object(
      { 1: starCount, 2: starCount, 3: starCount, 4: starCount, 5: starCount },
      { additionalProperties: false, description: 'Visible reviews per star rating' },
    ),
    latestReviews: Type.Array(ReviewSchema, {
      maxItems: LATEST_REVIEWS,
      description: `The newest visible reviews, at most ${LATEST_REVIEWS}`,
    }),
  },
  { additionalProperties: false, description: 'The public profile of a bookable consultant' },
)
