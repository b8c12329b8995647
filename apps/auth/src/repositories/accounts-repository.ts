import { Prisma } from '@cp/db'
import {
  CONSULTANT_RECORD_COLUMNS,
  type ConsultantRecord,
  type CustomerRecord,
  type EligibilityFacts,
  type Locale,
} from '@cp/domain'
import type { Destination } from '../lib/destination.js'
import { phoneLookupVariants } from '../lib/phone-variants.js'

/** What sign-in needs of a customers row; the legacy Password and the argon2id column beside it. */
export interface AccountCredentials {
  readonly customerId: number
  readonly accountStatus: 'Active' | 'Disabled'
  readonly verifiedStatus: 'Verified' | 'Unverified'
  readonly password: string | null
  readonly passwordArgon2: string | null
  readonly passwordArgon2Source: string | null
}

const credentialsSelect = {
  customerId: true,
  accountStatus: true,
  verifiedStatus: true,
  password: true,
  passwordArgon2: true,
  passwordArgon2Source: true,
  phone: true,
} as const

const profileSelect = {
  customerId: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  photo: true,
  gender: true,
  birthDate: true,
  language: true,
  verifiedStatus: true,
  createdAt: true,
} as const

const consultantSelect = CONSULTANT_RECORD_COLUMNS

/** Reads and writes the legacy customers and consultant tables for sign-in. */
export function createAccountsRepository(db: Prisma.TransactionClient) {
  async function findByDestination(destination: Destination): Promise<AccountCredentials | null> {
    if (destination.kind === 'email') {
      // The column's collation is case-insensitive, so legacy rows in any case match the lower-cased address.
      return db.customer.findUnique({ where: { email: destination.value }, select: credentialsSelect })
    }
    const rows = await db.customer.findMany({
      where: { phone: { in: phoneLookupVariants(destination.value) } },
      select: credentialsSelect,
      orderBy: { customerId: 'asc' },
      take: 5,
    })
    // A row in E.164 wins; otherwise the oldest legacy spelling of the number.
    return rows.find((row) => row.phone === destination.value) ?? rows[0] ?? null
  }

  return {
    findByDestination,

    /** Stores the argon2id hash only while the legacy Password is still the one it was verified against. */
    async storeArgon2Hash(customerId: number, hash: string, legacyPassword: string | null, source: string): Promise<boolean> {
      const { count } = await db.customer.updateMany({
        where: { customerId, password: legacyPassword },
        data: { passwordArgon2: hash, passwordArgon2Source: source },
      })
      return count === 1
    },

    async markVerified(customerId: number): Promise<void> {
      await db.customer.updateMany({
        where: { customerId, verifiedStatus: 'Unverified' },
        data: { verifiedStatus: 'Verified' },
      })
    },

    /**
     * A verified, active account for a destination that has none. First and last name are NOT NULL in the legacy
     * table, so they start empty. When another request created the account first, that account is returned.
     */
    async createVerifiedCustomer(destination: Destination, language: Locale): Promise<AccountCredentials> {
      try {
        return await db.customer.create({
          data: {
            firstName: '',
            lastName: '',
            ...(destination.kind === 'email' ? { email: destination.value } : { phone: destination.value }),
            language,
            verifiedStatus: 'Verified',
            accountStatus: 'Active',
          },
          select: credentialsSelect,
        })
      } catch (error) {
        if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error
        const existing = await findByDestination(destination)
        if (!existing) throw error
        return existing
      }
    },

    findProfile(customerId: number): Promise<(CustomerRecord & { accountStatus: 'Active' | 'Disabled' }) | null> {
      return db.customer.findUnique({ where: { customerId }, select: { ...profileSelect, accountStatus: true } })
    },

    async hasConsultantProfile(customerId: number): Promise<boolean> {
      return (await db.consultant.count({ where: { customerId } })) > 0
    },

    findConsultant(consultantId: number): Promise<ConsultantRecord | null> {
      return db.consultant.findUnique({ where: { consultantId }, select: consultantSelect })
    },

    /** Everything `checkConsultantEligibility` reads, for the consultant whose customer account this is. */
    async eligibilityFacts(customerId: number): Promise<EligibilityFacts & { consultantId: number | null }> {
      const [customer, consultant, order] = await Promise.all([
        db.customer.findUnique({ where: { customerId }, select: { accountStatus: true } }),
        db.consultant.findUnique({ where: { customerId }, select: { consultantId: true, consultantStatus: true } }),
        db.consultationOrder.findFirst({
          where: { customerId },
          orderBy: [{ createdAt: 'desc' }, { orderId: 'desc' }],
          select: { orderStatus: true },
        }),
      ])
      const consultantId = consultant?.consultantId ?? null
      const [contracts, licenses] =
        consultantId === null
          ? [[], []]
          : await Promise.all([
              db.consultantContract.findMany({ where: { consultantId }, select: { startDate: true, endDate: true } }),
              db.consultantLicense.findMany({ where: { consultantId }, select: { expiryDate: true } }),
            ])
      return { customer, consultant, order, contract: contracts, license: licenses, consultantId }
    },
  }
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>
