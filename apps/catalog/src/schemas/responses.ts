import { successResponse } from '@cp/service-kit'
import {
  CategoryListSchema,
  CategorySchema,
  ServiceCategoryListSchema,
  ServiceCategorySchema,
} from './categories.js'

/**
 * The success responses as the OpenAPI document shows them: a description and one example each. The examples are
 * typed by the schemas and validated against the emitted document by test/openapi-examples.test.ts.
 */

const CDN = 'https://cdn.example.com/media/'

const family = {
  id: 2,
  name: 'Family',
  description: 'Marriage, parenting and family matters.',
  imageUrl: `${CDN}categories/family.png`,
  iconUrl: `${CDN}categories/icons/family.svg`,
  order: 1,
}

const contractReview = {
  id: 1,
  name: 'Contract Review',
  description: 'A lawyer reads your contract before you sign.',
  imageUrl: `${CDN}services/contract-review.png`,
  iconUrl: `${CDN}services/icons/contract.svg`,
  order: 2,
  parentCategoryId: 1,
  price: 150,
}

export const CategoryListResponse = successResponse(CategoryListSchema, {
  description: 'The active consultation categories in list order, in the request language',
  example: {
    items: [
      family,
      {
        id: 3,
        name: 'Financial',
        description: 'Budgets, investments and taxes.',
        imageUrl: `${CDN}categories/financial.png`,
        iconUrl: null,
        order: 2,
      },
    ],
  },
})

export const CategoryResponse = successResponse(CategorySchema, {
  description: 'The consultation category; `names` and `descriptions` only with `translations=true`',
  example: {
    ...family,
    names: { en: 'Family', ar: 'استشارات أسرية' },
    descriptions: { en: 'Marriage, parenting and family matters.', ar: 'الزواج وتربية الأبناء وشؤون الأسرة.' },
  },
})

export const ServiceCategoryListResponse = successResponse(ServiceCategoryListSchema, {
  description: 'The active service categories in list order (of one consultation category with `categoryId`)',
  example: {
    items: [
      {
        id: 2,
        name: 'Court Representation',
        description: null,
        imageUrl: `${CDN}services/court.png`,
        iconUrl: null,
        order: 1,
        parentCategoryId: 1,
        price: 500,
      },
      contractReview,
    ],
  },
})

export const ServiceCategoryResponse = successResponse(ServiceCategorySchema, {
  description: 'The service category; `names` and `descriptions` only with `translations=true`',
  example: contractReview,
})
