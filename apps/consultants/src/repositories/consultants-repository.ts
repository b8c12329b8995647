import { bookableByProbe, bookableBySet, Prisma, type PrismaClient } from '@cp/db'
import type { BranchId, CalendarDate, CategoryId, ConsultantId, DecimalLike, PageWindow } from '@cp/domain'
import type { ConsultantSort } from '../schemas/consultants.js'

export interface ConsultantFilter {
  readonly categoryId?: CategoryId | undefined
  readonly branchId?: BranchId | undefined
  /** Matched literally (LIKE wildcards escaped) inside the full name and both titles, case-insensitively. */
  readonly text?: string | undefined
  readonly online?: boolean | undefined
}

/** The public columns of one listed consultant, with its account's name and its category and branch names. */
export interface ConsultantListRow {
  readonly consultantId: number
  readonly customerId: number
  readonly categoryId: number | null
  readonly branchId: number | null
  readonly titleAr: string | null
  readonly titleEn: string | null
  readonly photo: string | null
  readonly price: DecimalLike | null
  readonly rating: DecimalLike | null
  readonly ratingCount: number | bigint | null
  readonly onlineStatus: boolean | number | bigint
  readonly verifiedStatus: string
  readonly firstName: string | null
  readonly lastName: string | null
  readonly accountPhoto: string | null
  readonly categoryNameAr: string | null
  readonly categoryNameEn: string | null
  readonly branchNameAr: string | null
  readonly branchNameEn: string | null
}

export interface ConsultantDetailRow extends ConsultantListRow {
  readonly bioAr: string | null
  readonly bioEn: string | null
}

export interface ReviewRow {
  readonly reviewId: number
  readonly rating: number
  readonly comment: string | null
  /**
   * Legacy zone-less DATETIME (platform wall clock) as MySQL prints it, `YYYY-MM-DD hh:mm:ss`. Read as text because
   * the legacy application may have stored a zero date, which the driver cannot turn into a Date (it throws).
   */
  readonly createdAt: string
  readonly reviewerFirstName: string | null
}

export interface RatingCountRow {
  readonly rating: number
  readonly count: number | bigint
}

const FROM_BOOKABLE_TABLES = Prisma.sql`FROM consultants c JOIN customers a ON a.Customer_ID = c.Customer_ID`

// Only these columns ever leave the database for the public routes; no contact, credential, contract or license
// column is selected, so none can reach a response by mistake.
const LIST_COLUMNS = Prisma.sql`c.Consultant_ID AS consultantId, c.Customer_ID AS customerId,
  c.Category_ID AS categoryId, c.Branch_ID AS branchId, c.Title_Ar AS titleAr, c.Title_En AS titleEn,
  c.Photo AS photo, c.Price AS price, c.Rating AS rating, c.Rating_Count AS ratingCount,
  c.Online_Status AS onlineStatus, c.Verified_Status AS verifiedStatus,
  a.First_Name AS firstName, a.Last_Name AS lastName, a.Photo AS accountPhoto,
  cat.Name_Ar AS categoryNameAr, cat.Name_En AS categoryNameEn, b.Name_Ar AS branchNameAr, b.Name_En AS branchNameEn`

const NAMED_REFERENCES = Prisma.sql`LEFT JOIN consultations_categories cat ON cat.Category_ID = c.Category_ID
  LEFT JOIN branches b ON b.Branch_ID = c.Branch_ID`

/** The ORDER BY of each sort, ending in the primary key so that pages never overlap or skip rows. */
const ORDER_BY: Record<ConsultantSort, Prisma.Sql> = {
  order: Prisma.sql`c.Order_In_List ASC, c.Consultant_ID ASC`,
  rating: Prisma.sql`c.Rating DESC, c.Rating_Count DESC, c.Consultant_ID DESC`,
  // Consultants without a price come after every priced one.
  price: Prisma.sql`(c.Price IS NULL) ASC, c.Price ASC, c.Consultant_ID ASC`,
  price_desc: Prisma.sql`c.Price DESC, c.Consultant_ID DESC`,
}

/** `%`, `_` and the escape character itself lose their LIKE meaning; `!` works whatever the SQL mode. */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (character) => `!${character}`)}%`
}

export function filterConditions(filter: ConsultantFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = []
  if (filter.categoryId !== undefined) conditions.push(Prisma.sql`c.Category_ID = ${filter.categoryId}`)
  if (filter.branchId !== undefined) conditions.push(Prisma.sql`c.Branch_ID = ${filter.branchId}`)
  if (filter.online !== undefined) conditions.push(Prisma.sql`c.Online_Status = ${filter.online ? 1 : 0}`)
  if (filter.text !== undefined && filter.text !== '') {
    const pattern = likeContains(filter.text)
    conditions.push(Prisma.sql`(CONCAT_WS(' ', a.First_Name, a.Last_Name) LIKE ${pattern} ESCAPE '!'
      OR c.Title_Ar LIKE ${pattern} ESCAPE '!' OR c.Title_En LIKE ${pattern} ESCAPE '!')`)
  }
  return conditions
}

function where(conditions: readonly Prisma.Sql[]): Prisma.Sql {
  return Prisma.join(conditions, ' AND ')
}

/**
 * The ids of one page, in order. The price sort is two index-ordered scans (priced, then unpriced) merged,
 * because MySQL puts NULL first in ascending order and an expression such as `Price IS NULL` cannot be read
 * from an index.
 */
export function pageIdsQuery(filter: ConsultantFilter, sort: ConsultantSort, today: CalendarDate, page: PageWindow) {
  const conditions = where([...filterConditions(filter), bookableByProbe(today)])
  if (sort !== 'price') {
    return Prisma.sql`SELECT c.Consultant_ID ${FROM_BOOKABLE_TABLES} WHERE ${conditions}
      ORDER BY ${ORDER_BY[sort]} LIMIT ${page.take} OFFSET ${page.skip}`
  }
  const upTo = page.skip + page.take
  return Prisma.sql`SELECT u.Consultant_ID FROM (
      (SELECT c.Consultant_ID, c.Price, 0 AS Unpriced ${FROM_BOOKABLE_TABLES}
        WHERE ${conditions} AND c.Price IS NOT NULL ORDER BY c.Price ASC, c.Consultant_ID ASC LIMIT ${upTo})
      UNION ALL
      (SELECT c.Consultant_ID, c.Price, 1 AS Unpriced ${FROM_BOOKABLE_TABLES}
        WHERE ${conditions} AND c.Price IS NULL ORDER BY c.Consultant_ID ASC LIMIT ${upTo})
    ) u ORDER BY u.Unpriced ASC, u.Price ASC, u.Consultant_ID ASC LIMIT ${page.take} OFFSET ${page.skip}`
}

/** One page of bookable consultants with everything the list shows, in one statement. */
export function pageQuery(filter: ConsultantFilter, sort: ConsultantSort, today: CalendarDate, page: PageWindow) {
  return Prisma.sql`SELECT ${LIST_COLUMNS}
    FROM (${pageIdsQuery(filter, sort, today, page)}) p
    JOIN consultants c ON c.Consultant_ID = p.Consultant_ID
    JOIN customers a ON a.Customer_ID = c.Customer_ID
    ${NAMED_REFERENCES}
    ORDER BY ${ORDER_BY[sort]}`
}

export function countQuery(filter: ConsultantFilter, today: CalendarDate) {
  return Prisma.sql`SELECT COUNT(*) AS total ${FROM_BOOKABLE_TABLES}
    WHERE ${where([...filterConditions(filter), bookableBySet(today)])}`
}

/** Reads of the public consultant routes. `today` is the platform's calendar day, which decides who is bookable. */
export function createConsultantsRepository(db: PrismaClient) {
  return {
    listPage(filter: ConsultantFilter, sort: ConsultantSort, today: CalendarDate, page: PageWindow) {
      return db.$queryRaw<ConsultantListRow[]>(pageQuery(filter, sort, today, page))
    },

    async countBookable(filter: ConsultantFilter, today: CalendarDate): Promise<number> {
      const [row] = await db.$queryRaw<Array<{ total: number | bigint }>>(countQuery(filter, today))
      return Number(row?.total ?? 0)
    },

    async findBookable(id: ConsultantId, today: CalendarDate): Promise<ConsultantDetailRow | undefined> {
      const rows = await db.$queryRaw<ConsultantDetailRow[]>(Prisma.sql`
        SELECT ${LIST_COLUMNS}, c.Bio_Ar AS bioAr, c.Bio_En AS bioEn
        ${FROM_BOOKABLE_TABLES} ${NAMED_REFERENCES}
        WHERE c.Consultant_ID = ${id} AND ${bookableByProbe(today)}`)
      return rows[0]
    },

    /** The latest visible reviews, newest first, with the reviewer's first name only. */
    latestReviews(id: ConsultantId, limit: number) {
      return db.$queryRaw<ReviewRow[]>(Prisma.sql`
        SELECT r.Review_ID AS reviewId, r.Rating AS rating, r.Comment AS comment,
          CAST(r.Created_at AS CHAR) AS createdAt, a.First_Name AS reviewerFirstName
        FROM reviews r LEFT JOIN customers a ON a.Customer_ID = r.Customer_ID
        WHERE r.Consultant_ID = ${id} AND r.Review_Status = 'Visible'
        ORDER BY r.Created_at DESC, r.Review_ID DESC LIMIT ${limit}`)
    },

    /** How many visible reviews gave each star rating. */
    ratingCounts(id: ConsultantId) {
      return db.$queryRaw<RatingCountRow[]>(Prisma.sql`
        SELECT r.Rating AS rating, COUNT(*) AS count FROM reviews r
        WHERE r.Consultant_ID = ${id} AND r.Review_Status = 'Visible' GROUP BY r.Rating`)
    },
  }
}

export type ConsultantsRepository = ReturnType<typeof createConsultantsRepository>
