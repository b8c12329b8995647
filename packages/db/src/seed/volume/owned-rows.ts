import type { ConsultantBundle, Row } from './generate.js'

/** A volume consultant once its account and consultants row exist. */
export interface OwnedBundle {
  bundle: ConsultantBundle
  customerId: number
  consultantId: number
}

export interface OwnedTable {
  table: string
  columns: readonly string[]
  rows(owned: readonly OwnedBundle[]): Row[]
}

/** The rows a consultant owns apart from reviews, which need the appointments' ids first. */
export const OWNED_TABLES: readonly OwnedTable[] = [
  {
    table: 'consultations_orders',
    columns: ['Customer_ID', 'Category_ID', 'Order_Status'],
    rows: (owned) =>
      owned.flatMap(({ bundle, customerId }) => (bundle.order ? [[customerId, bundle.categoryId, bundle.order]] : [])),
  },
  {
    table: 'consultant_contract',
    columns: ['Consultant_ID', 'Start_Date', 'End_Date', 'Commission_Rate', 'Contract_File'],
    rows: (owned) =>
      owned.flatMap(({ bundle: { contract, index }, consultantId }) =>
        contract
          ? [[consultantId, contract.start, contract.end, contract.commissionRate, `contracts/volume/${index}.pdf`]]
          : [],
      ),
  },
  {
    table: 'consultant_licenses',
    columns: ['Consultant_ID', 'License_Number', 'Issuer', 'Issue_Date', 'Expiry_Date'],
    rows: (owned) =>
      owned.flatMap(({ bundle: { license }, consultantId }) =>
        license ? [[consultantId, license.number, 'Ministry of Justice', license.issued, license.expires]] : [],
      ),
  },
  {
    table: 'consultant_schedules',
    columns: ['Consultant_ID', 'Day_Of_Week', 'Start_Time', 'End_Time', 'Slot_Minutes', 'Is_Active'],
    rows: (owned) =>
      owned.flatMap(({ bundle, consultantId }) =>
        bundle.schedules.map((s) => [consultantId, s.dayOfWeek, s.start, s.end, s.slotMinutes, s.active ? 1 : 0]),
      ),
  },
  {
    table: 'appointments',
    columns: [
      'Customer_ID', 'Consultant_ID', 'Service_Category_ID', 'Appointment_Date', 'Duration_Minutes',
      'Appointment_Status', 'Price',
    ],
    rows: (owned) =>
      owned.flatMap(({ bundle, consultantId }) =>
        bundle.appointments.map((a) => [
          a.customerId, consultantId, a.serviceCategoryId, a.date, a.durationMinutes, a.status, a.price,
        ]),
      ),
  },
]

/** A key that finds an appointment again: a consultant's appointments are on distinct days. */
export const appointmentKey = (consultantId: number, date: string): string => `${consultantId}|${date}`

export const REVIEW_COLUMNS = [
  'Customer_ID', 'Consultant_ID', 'Appointment_ID', 'Rating', 'Comment', 'Review_Status', 'Created_at',
] as const

export function reviewRows(owned: readonly OwnedBundle[], appointmentIds: ReadonlyMap<string, number>): Row[] {
  return owned.flatMap(({ bundle, consultantId }) =>
    bundle.reviews.map((review) => {
      const date = bundle.appointments[review.appointment]?.date ?? ''
      return [
        review.customerId,
        consultantId,
        appointmentIds.get(appointmentKey(consultantId, date)) ?? null,
        review.rating,
        review.comment,
        review.hidden ? 'Hidden' : 'Visible',
        review.createdAt,
      ]
    }),
  )
}
