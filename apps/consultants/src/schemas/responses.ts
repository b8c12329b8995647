import { successResponse } from '@cp/service-kit'
import { AvailabilitySchema } from './availability.js'
import { ConsultantDetailSchema, ConsultantListSchema } from './consultants.js'
import { ChangedOwnProfileSchema, OwnProfileSchema } from './me.js'

/**
 * The success responses as the OpenAPI document shows them: one example each, beside the description the schema
 * already carries. The examples are typed by the schemas and validated against the emitted document by
 * test/openapi-examples.test.ts.
 */

const CDN = 'https://cdn.example.com/media/'

const publicFields = {
  id: 77,
  name: 'Huda Alqahtani',
  title: 'Family counsellor',
  photoUrl: `${CDN}consultants/77/photo.jpg`,
  price: 150,
  rating: 4.6,
  ratingCount: 38,
  online: true,
  verified: true,
  category: { id: 2, name: 'Family' },
  branch: { id: 1, name: 'Riyadh' },
}

export const ConsultantListResponse = successResponse(ConsultantListSchema, {
  example: {
    items: [
      publicFields,
      {
        id: 81,
        name: 'Omar Alshehri',
        title: null,
        photoUrl: null,
        price: null,
        rating: 0,
        ratingCount: 0,
        online: false,
        verified: false,
        category: { id: 1, name: 'Legal' },
        branch: null,
      },
    ],
    page: 1,
    pageSize: 2,
    total: 9,
    totalPages: 5,
    nextCursor: 'WzEsIm9yZGVyIiwiMW81eW5jcCIsMyw4MV0',
  },
})

export const ConsultantDetailResponse = successResponse(ConsultantDetailSchema, {
  example: {
    ...publicFields,
    bio: 'Twelve years of helping couples and parents talk to each other.',
    ratingDistribution: { 1: 1, 2: 0, 3: 3, 4: 7, 5: 27 },
    latestReviews: [
      {
        id: 5012,
        rating: 5,
        comment: 'Clear advice, and she listened.',
        createdAt: '2026-11-28T19:05:00+03:00',
        reviewerName: 'Sara',
      },
    ],
  },
})

export const AvailabilityResponse = successResponse(AvailabilitySchema, {
  example: {
    consultantId: 77,
    timeZone: 'Asia/Riyadh',
    from: '2026-12-06T00:00:00+03:00',
    to: '2026-12-07T00:00:00+03:00',
    slots: [
      { start: '2026-12-06T10:00:00+03:00', end: '2026-12-06T11:00:00+03:00' },
      { start: '2026-12-06T16:30:00+03:00', end: '2026-12-06T17:30:00+03:00' },
    ],
  },
})

const ownProfile = {
  ...publicFields,
  titles: { en: 'Family counsellor', ar: 'مستشارة أسرية' },
  bios: {
    en: 'Twelve years of helping couples and parents talk to each other.',
    ar: 'اثنا عشر عامًا في مساعدة الأزواج والآباء على الحوار.',
  },
  photoPath: 'consultants/77/photo.jpg',
  contract: { startDate: '2026-01-01', endDate: '2027-06-30' },
  license: { expiryDate: '2027-03-31' },
  eligibility: { eligible: true, eligibleUntil: '2027-04-01T00:00:00+03:00' },
}

export const OwnProfileResponse = successResponse(OwnProfileSchema, { example: ownProfile })

export const ChangedOwnProfileResponse = successResponse(ChangedOwnProfileSchema, {
  example: { ...ownProfile, online: false },
})
