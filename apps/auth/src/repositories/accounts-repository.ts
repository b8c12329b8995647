import { type ConsultantEligibilityFacts, Prisma, readEligibilityFacts } from '@cp/db'
import {
  CONSULTANT_RECORD_COLUMNS,
  type ConsultantRecord,
  type CustomerRecord,
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

/** Two or more legacy rows hold spellings of one destination: which one is meant cannot be known. */
export class AmbiguousAccountError extends Error {
  constructor(readonly customerIds: readonly number[]) {
    super(`customers ${customerIds.join(', ')} hold the same destination`)
    this.name = 'AmbiguousAccountError'
  }
}

/**
 * The ids of the customers whose stored phone or e-mail is a spelling of `destination`, through the indexes on the
 * generated lookup columns (migration 20261203000100_customer_contact_lookup): `Phone_Lookup` holds the phone as
 * ASCII digits and `+`, matched against every international and national spelling of the number; `Email_Lookup`
 * the e-mail without surrounding blanks, in a case-insensitive collation. Two rows are enough to know the answer is
 * not unique. Exported so that a test can EXPLAIN exactly this statement.
 */
export function accountIdsByDestinationSql(destination: Destination): Prisma.Sql {
  if (destination.kind === 'email') {
    return Prisma.sql`SELECT Customer_ID AS customerId FROM customers WHERE Email_Lookup = ${destination.value} LIMIT 2`
  }
  const variants = Prisma.join(phoneLookupVariants(destination.value))
  return Prisma.sql`SELECT Customer_ID AS customerId FROM customers WHERE Phone_Lookup IN (${variants}) LIMIT 2`
}

/** Reads and writes the legacy customers and consultant tables for sign-in. */
export function createAccountsRepository(db: Prisma.TransactionClient) {
  /** Every account (at most two: enough to know there is more than one) whose phone or e-mail is `destination`. */
  async function findAllByDestination(destination: Destination): Promise<AccountCredentials[]> {
    const rows = await db.$queryRaw<{ customerId: number }[]>(accountIdsByDestinationSql(destination))
    const customerIds = [...new Set(rows.map((row) => Number(row.customerId)))]
    if (customerIds.length === 0) return []
    return db.customer.findMany({ where: { customerId: { in: customerIds } }, select: credentialsSelect, orderBy: { customerId: 'asc' } })
  }

  /**
   * The account whose phone or e-mail, however the legacy application formatted it, is `destination`; null when
   * none. Throws AmbiguousAccountError when several rows match (a legacy `050 000 8777` beside a `+966500008777`):
   * signing in to one of them would be a guess, and creating a third would be one more duplicate.
   */
  async function findByDestination(destination: Destination): Promise<AccountCredentials | null> {
    const accounts = await findAllByDestination(destination)
    if (accounts.length > 1) throw new AmbiguousAccountError(accounts.map((account) => account.customerId))
    return accounts[0] ?? null
  }

  return {
    findByDestination,
    findAllByDestination,

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
    eligibilityFacts(customerId: number): Promise<ConsultantEligibilityFacts> {
      return readEligibilityFacts(db, { customerId })
    },
  }
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>
