import type { ContractFacts, EligibilityFacts, LicenseFacts, OrderStatus } from '@cp/domain'
import { Prisma } from '../generated/prisma/client.js'
import { LATEST_ORDER_FIRST } from './latest-order.js'

/*
 * The row form of the eligibility facts: what `checkConsultantEligibility` (@cp/domain) reads, for one consultant.
 * The auth service reads it at sign-in and refresh, the consultants service for a profile, availability and the
 * consultant's own view; the SQL form (bookable-sql.ts) asks the same of every listed consultant.
 */

/** A client or an open transaction: the facts read the same either way. */
export type EligibilityReader = Prisma.TransactionClient

/** The consultant is known by its own id (public routes) or by its customer account (sign-in). */
export type EligibilitySubject = { readonly consultantId: number } | { readonly customerId: number }

/** The facts, and the consultant's id where its row exists. */
export interface ConsultantEligibilityFacts extends EligibilityFacts {
  readonly consultantId: number | null
}

/** The status of the customer's latest consultations order (latest-order.ts), null when it has none. */
export async function latestOrderOf(db: EligibilityReader, customerId: number): Promise<{ orderStatus: OrderStatus } | null> {
  const [order] = await db.$queryRaw<Array<{ orderStatus: OrderStatus }>>(Prisma.sql`
    SELECT o.Order_Status AS orderStatus FROM consultations_orders o
    WHERE o.Customer_ID = ${customerId} ORDER BY ${LATEST_ORDER_FIRST} LIMIT 1`)
  return order ?? null
}

/** Every contract of the consultant: the rule decides which one is in effect. */
export function contractsOf(db: EligibilityReader, consultantId: number): Promise<ContractFacts[]> {
  return db.consultantContract.findMany({ where: { consultantId }, select: { startDate: true, endDate: true } })
}

/** Every license of the consultant: the rule decides which one is in effect. */
export function licensesOf(db: EligibilityReader, consultantId: number): Promise<LicenseFacts[]> {
  return db.consultantLicense.findMany({ where: { consultantId }, select: { expiryDate: true } })
}

/**
 * Everything `checkConsultantEligibility` reads about one consultant. Rows that do not exist are null (or empty),
 * so the rule reports them in its own order: a consultant row that does not exist leaves its account and order
 * unknown when the consultant was asked for by id, and its contracts and licenses when asked for by account.
 */
export async function readEligibilityFacts(db: EligibilityReader, subject: EligibilitySubject): Promise<ConsultantEligibilityFacts> {
  if ('customerId' in subject) {
    const { customerId } = subject
    const [customer, consultant, order] = await Promise.all([
      db.customer.findUnique({ where: { customerId }, select: { accountStatus: true } }),
      db.consultant.findUnique({ where: { customerId }, select: { consultantId: true, consultantStatus: true } }),
      latestOrderOf(db, customerId),
    ])
    const consultantId = consultant?.consultantId ?? null
    const [contract, license] =
      consultantId === null ? [[], []] : await Promise.all([contractsOf(db, consultantId), licensesOf(db, consultantId)])
    return { customer, consultant, order, contract, license, consultantId }
  }
  const { consultantId } = subject
  const [consultant, contract, license] = await Promise.all([
    db.consultant.findUnique({ where: { consultantId }, select: { customerId: true, consultantStatus: true } }),
    contractsOf(db, consultantId),
    licensesOf(db, consultantId),
  ])
  if (!consultant) return { customer: null, consultant: null, order: null, contract, license, consultantId: null }
  const [customer, order] = await Promise.all([
    db.customer.findUnique({ where: { customerId: consultant.customerId }, select: { accountStatus: true } }),
    latestOrderOf(db, consultant.customerId),
  ])
  return { customer, consultant, order, contract, license, consultantId }
}
