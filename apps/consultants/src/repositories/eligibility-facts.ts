import type { Prisma } from '@cp/db'
import type { ConsultantId, ContractFacts, EligibilityFacts, LicenseFacts } from '@cp/domain'

/** A client or an open transaction: the facts read the same either way. */
export type Reader = Prisma.TransactionClient

/** The latest consultations order of the consultant's account, by Order_ID, as the list's "bookable" SQL reads it. */
export function latestOrder(db: Reader, customerId: number) {
  return db.consultationOrder.findFirst({
    where: { customerId },
    orderBy: { orderId: 'desc' },
    select: { orderStatus: true },
  })
}

export function contractsOf(db: Reader, consultantId: ConsultantId): Promise<ContractFacts[]> {
  return db.consultantContract.findMany({ where: { consultantId }, select: { startDate: true, endDate: true } })
}

export function licensesOf(db: Reader, consultantId: ConsultantId): Promise<LicenseFacts[]> {
  return db.consultantLicense.findMany({ where: { consultantId }, select: { expiryDate: true } })
}

/**
 * What `checkConsultantEligibility` needs about a consultant known only by id (a public route). A consultant row
 * that does not exist leaves its account and order unknown, which the rule reports before anything else.
 */
export async function readEligibilityFacts(db: Reader, consultantId: ConsultantId): Promise<EligibilityFacts> {
  const [consultant, contract, license] = await Promise.all([
    db.consultant.findUnique({ where: { consultantId }, select: { customerId: true, consultantStatus: true } }),
    contractsOf(db, consultantId),
    licensesOf(db, consultantId),
  ])
  if (!consultant) return { customer: null, consultant: null, order: null, contract, license }
  const [customer, order] = await Promise.all([
    db.customer.findUnique({ where: { customerId: consultant.customerId }, select: { accountStatus: true } }),
    latestOrder(db, consultant.customerId),
  ])
  return { customer, consultant, order, contract, license }
}
