import type { Consultant, PrismaClient } from '@cp/db'
import type { ConsultantId, ContractFacts, EligibilityFacts, LicenseFacts, UserId } from '@cp/domain'
import { contractsOf, latestOrder, licensesOf } from './eligibility-facts.js'

const consultantColumns = {
  consultantId: true,
  customerId: true,
  categoryId: true,
  branchId: true,
  titleAr: true,
  titleEn: true,
  bioAr: true,
  bioEn: true,
  photo: true,
  price: true,
  rating: true,
  ratingCount: true,
  onlineStatus: true,
  verifiedStatus: true,
  consultantStatus: true,
} as const

export type OwnConsultantRow = Pick<Consultant, keyof typeof consultantColumns>

/**
 * Everything the signed-in consultant's own profile shows, and the facts that decide their eligibility. Rows that
 * do not exist are null, so the domain rule reports them in its own order.
 */
export interface OwnProfileRecord {
  readonly consultant: OwnConsultantRow | null
  readonly account: { firstName: string; lastName: string; photo: string | null } | null
  readonly facts: EligibilityFacts
  readonly contracts: readonly ContractFacts[]
  readonly licenses: readonly LicenseFacts[]
  readonly categoryName: { nameAr: string; nameEn: string } | null
  readonly branchName: { nameAr: string; nameEn: string } | null
}

/** The fields a consultant may change about themselves; `undefined` leaves a column alone, `null` clears it. */
export interface OwnProfileChanges {
  readonly bioEn?: string | null | undefined
  readonly bioAr?: string | null | undefined
  readonly photo?: string | null | undefined
  readonly online?: boolean | undefined
}

function findConsultant(db: PrismaClient, consultantId: ConsultantId, userId: UserId): Promise<OwnConsultantRow | null> {
  // Both ids from the token must agree with the row: a consultant id never reaches another account's profile.
  return db.consultant.findFirst({ where: { consultantId, customerId: userId }, select: consultantColumns })
}

export function createProfileRepository(db: PrismaClient) {
  return {
    async findOwnProfile(consultantId: ConsultantId, userId: UserId): Promise<OwnProfileRecord> {
      const [consultant, customer, order, contracts, licenses] = await Promise.all([
        findConsultant(db, consultantId, userId),
        db.customer.findUnique({
          where: { customerId: userId },
          select: { firstName: true, lastName: true, photo: true, accountStatus: true },
        }),
        latestOrder(db, userId),
        contractsOf(db, consultantId),
        licensesOf(db, consultantId),
      ])
      const categoryId = consultant?.categoryId ?? null
      const branchId = consultant?.branchId ?? null
      const names = { nameAr: true, nameEn: true } as const
      const [categoryName, branchName] = await Promise.all([
        categoryId === null ? null : db.consultationCategory.findUnique({ where: { categoryId }, select: names }),
        branchId === null ? null : db.branch.findUnique({ where: { branchId }, select: names }),
      ])
      return {
        consultant,
        account: customer,
        facts: { customer, consultant, order, contract: contracts, license: licenses },
        contracts,
        licenses,
        categoryName,
        branchName,
      }
    },

    /**
     * One UPDATE naming only the changed columns, so the legacy `TimeStamp` (ON UPDATE CURRENT_TIMESTAMP) moves
     * when a value actually changes and no other column is written.
     */
    async updateOwnProfile(consultantId: ConsultantId, changes: OwnProfileChanges): Promise<void> {
      await db.consultant.update({
        where: { consultantId },
        data: {
          ...(changes.bioEn === undefined ? {} : { bioEn: changes.bioEn }),
          ...(changes.bioAr === undefined ? {} : { bioAr: changes.bioAr }),
          ...(changes.photo === undefined ? {} : { photo: changes.photo }),
          ...(changes.online === undefined ? {} : { onlineStatus: changes.online }),
        },
        select: { consultantId: true },
      })
    },
  }
}

export type ProfileRepository = ReturnType<typeof createProfileRepository>
