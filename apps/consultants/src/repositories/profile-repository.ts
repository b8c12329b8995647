import {
  type Consultant,
  contractsOf,
  latestOrderOf,
  licensesOf,
  Prisma,
  type PrismaClient,
} from '@cp/db'
import {
  CONSULTANT_RECORD_COLUMNS,
  type ConsultantId,
  type ContractFacts,
  type EligibilityFacts,
  type LicenseFacts,
  type UserId,
} from '@cp/domain'

const consultantColumns = {
  ...CONSULTANT_RECORD_COLUMNS,
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

function findConsultant(db: Prisma.TransactionClient, consultantId: ConsultantId, userId: UserId): Promise<OwnConsultantRow | null> {
  // Both ids from the token must agree with the row: a consultant id never reaches another account's profile.
  return db.consultant.findFirst({ where: { consultantId, customerId: userId }, select: consultantColumns })
}

async function readOwnProfile(db: Prisma.TransactionClient, consultantId: ConsultantId, userId: UserId): Promise<OwnProfileRecord> {
  const [consultant, customer, order, contracts, licenses] = await Promise.all([
    findConsultant(db, consultantId, userId),
    db.customer.findUnique({
      where: { customerId: userId },
      select: { firstName: true, lastName: true, photo: true, accountStatus: true },
    }),
    latestOrderOf(db, userId),
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
}

export function createProfileRepository(db: PrismaClient) {
  return {
    findOwnProfile(consultantId: ConsultantId, userId: UserId): Promise<OwnProfileRecord> {
      return readOwnProfile(db, consultantId, userId)
    },

    /**
     * Reads the profile, lets `authorize` decide on it (a throw writes nothing), writes the changes and returns the
     * profile as it now is, in one transaction. The transaction first locks the consultant's row, so a change to
     * it that another transaction is making (an administrator disabling the consultant) either commits before the
     * read, and `authorize` sees it, or waits until this write has committed. Everything else comes from the same
     * snapshot. The write is one UPDATE naming only the changed columns, so the legacy `TimeStamp` (ON UPDATE
     * CURRENT_TIMESTAMP) moves when a value actually changes and no other column is written; only that row is read
     * again, since nothing else of the profile can have changed.
     */
    updateOwnProfile<T>(
      consultantId: ConsultantId,
      userId: UserId,
      changes: OwnProfileChanges,
      authorize: (record: OwnProfileRecord) => T,
    ): Promise<{ record: OwnProfileRecord; authorized: T }> {
      return db.$transaction(
        async (tx) => {
          await tx.$queryRaw(Prisma.sql`SELECT Consultant_ID FROM consultants
            WHERE Consultant_ID = ${consultantId} AND Customer_ID = ${userId} FOR UPDATE`)
          const record = await readOwnProfile(tx, consultantId, userId)
          const authorized = authorize(record)
          await tx.consultant.updateMany({
            where: { consultantId },
            data: {
              ...(changes.bioEn === undefined ? {} : { bioEn: changes.bioEn }),
              ...(changes.bioAr === undefined ? {} : { bioAr: changes.bioAr }),
              ...(changes.photo === undefined ? {} : { photo: changes.photo }),
              ...(changes.online === undefined ? {} : { onlineStatus: changes.online }),
            },
          })
          const consultant = await findConsultant(tx, consultantId, userId)
          return { record: { ...record, consultant }, authorized }
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
      )
    },
  }
}

export type ProfileRepository = ReturnType<typeof createProfileRepository>
