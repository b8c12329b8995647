import { Type } from '@sinclair/typebox'

const LocalizedText = Type.Object(
  { en: Type.Union([Type.String(), Type.Null()]), ar: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false, description: 'Both languages; present with `translations=true`' },
)

const commonFields = {
  name: Type.String({ description: 'In the request language (Accept-Language), falling back to the other one' }),
  description: Type.Union([Type.String(), Type.Null()]),
  imageUrl: Type.Union([Type.String({ format: 'uri' }), Type.Null()], { description: 'Absolute URL on the content host' }),
  iconUrl: Type.Union([Type.String({ format: 'uri' }), Type.Null()]),
  order: Type.Integer({ description: 'Position in the list (legacy Order_In_List)' }),
  names: Type.Optional(LocalizedText),
  descriptions: Type.Optional(LocalizedText),
}

export const CategorySchema = Type.Object(
  { id: Type.Integer({ minimum: 1 }), ...commonFields },
  { additionalProperties: false },
)

export const ServiceCategorySchema = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    ...commonFields,
    parentCategoryId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'The consultation category this service belongs to',
    }),
    price: Type.Union([Type.Number(), Type.Null()]),
  },
  { additionalProperties: false },
)

export const CategoryListSchema = Type.Object(
  { items: Type.Array(CategorySchema) },
  { additionalProperties: false },
)

export const ServiceCategoryListSchema = Type.Object(
  { items: Type.Array(ServiceCategorySchema) },
  { additionalProperties: false },
)

// Optional in the document (clients may leave it out); the default still fills it in on the server.
const translations = Type.Optional(
  Type.Boolean({ default: false, description: 'Also return `names` and `descriptions` in both languages' }),
)

export const CategoryQuerySchema = Type.Object({ translations }, { additionalProperties: false })

export const ServiceCategoryListQuerySchema = Type.Object(
  {
    translations,
    categoryId: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Only services of this consultation category' }),
    ),
  },
  { additionalProperties: false },
)

export const NotModifiedResponse = {
  description: 'Not Modified: the `If-None-Match` tag is still current',
  type: 'null',
} as const
