import {
  bookableByProbe,
  bookableBySet,
  type Branch,
  columnsAs,
  type Consultant,
  type ConsultationCategory,
  type Customer,
  type DriverRow,
  Prisma,
  type RowReader,
} from '@cp/db'
import { type BranchId, type CalendarDate, type CategoryId, CONSULTANT_RECORD_COLUMNS, type ConsultantId, type PageWindow } from '@cp/domain'
import type { ConsultantSort } from '../schemas/consultants.js'

export interface ConsultantFilter {
  readonly categoryId?: CategoryId | undefined
  readonly branchId?: BranchId | undefined
  /** Matched literally (LIKE wildcards escaped) inside the full name and both titles, case-insensitively. */
  readonly text?: string | undefined
  readonly online?: boolean | undefined
}

/** The consultant columns a list shows: the domain record's, less the bios, and the verified mark. */
const LISTED_CONSULTANT_SELECT = {
  ...CONSULTANT_RECORD_COLUMNS,
  bioAr: false,
  bioEn: false,
  verifiedStatus: true,
} as const

/**
 * One listed consultant, with its account's name and its category and branch names (LEFT JOINs: null without a
 * row). The types are Prisma's for the columns as the driver reads them (`DriverRow`: decimals as exact text),
 * except `Online_Status`: TINYINT(1) read by raw SQL arrives as 0 or 1.
 */
export type ConsultantListRow = DriverRow<
  Omit<Prisma.ConsultantGetPayload<{ select: typeof LISTED_CONSULTANT_SELECT }>, 'onlineStatus'> & {
    readonly firstName: Customer['firstName']
    readonly lastName: Customer['lastName']
    readonly accountPhoto: Customer['photo']
    readonly categoryNameAr: ConsultationCategory['nameAr'] | null
    readonly categoryNameEn: ConsultationCategory['nameEn'] | null
    readonly branchNameAr: Branch['nameAr'] | null
    readonly branchNameEn: Branch['nameEn'] | null
  }
> & { readonly onlineStatus: number }

/** A list row and its place in the legacy list order, which a keyset cursor of the default sort needs. */
export type ConsultantPageRow = ConsultantListRow & Pick<Consultant, 'orderInList'>

export type ConsultantDetailRow = ConsultantListRow & Pick<Consultant, 'bioAr' | 'bioEn'>

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
const LIST_COLUMN_SOURCES = {
  consultantId: 'c.Consultant_ID',
  customerId: 'c.Customer_ID',
  categoryId: 'c.Category_ID',
  branchId: 'c.Branch_ID',
  titleAr: 'c.Title_Ar',
  titleEn: 'c.Title_En',
  photo: 'c.Photo',
  price: 'c.Price',
  rating: 'c.Rating',
  ratingCount: 'c.Rating_Count',
  onlineStatus: 'c.Online_Status',
  verifiedStatus: 'c.Verified_Status',
  firstName: 'a.First_Name',
  lastName: 'a.Last_Name',
  accountPhoto: 'a.Photo',
  categoryNameAr: 'cat.Name_Ar',
  categoryNameEn: 'cat.Name_En',
  branchNameAr: 'b.Name_Ar',
  branchNameEn: 'b.Name_En',
} as const satisfies Record<keyof ConsultantListRow, string>
const LIST_COLUMNS = columnsAs<ConsultantListRow>(LIST_COLUMN_SOURCES)

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

/** Where the previous page of a keyset walk ended: the sort's columns of its last row. */
export type ListPosition =
  | { readonly sort: 'order'; readonly orderInList: number; readonly id: number }
  | { readonly sort: 'rating'; readonly rating: string; readonly ratingCount: number; readonly id: number }
  | { readonly sort: 'price'; readonly price: string | null; readonly id: number }
  | { readonly sort: 'price_desc'; readonly price: string | null; readonly id: number }

const decimal = (value: string, type: Prisma.Sql) => Prisma.sql`CAST(${value} AS ${type})`
const PRICE_TYPE = Prisma.sql`DECIMAL(10,2)`
const RATING_TYPE = Prisma.sql`DECIMAL(3,2)`

/**
 * The rows after `position` in its sort (ORDER_BY), written as ORs of ranges on the sort index (InnoDB appends the
 * primary key to it), so the walk starts at the position instead of skipping rows. The price sort's two walks
 * have their own conditions ({@link afterInPriceOrder}).
 */
function afterPosition(position: Exclude<ListPosition, { sort: 'price' }>): Prisma.Sql {
  const { id } = position
  switch (position.sort) {
    case 'order':
      return Prisma.sql`(c.Order_In_List > ${position.orderInList}
        OR (c.Order_In_List = ${position.orderInList} AND c.Consultant_ID > ${id}))`
    case 'rating': {
      const rating = decimal(position.rating, RATING_TYPE)
      const count = position.ratingCount
      return Prisma.sql`(c.Rating < ${rating} OR (c.Rating = ${rating}
        AND (c.Rating_Count < ${count} OR (c.Rating_Count = ${count} AND c.Consultant_ID < ${id}))))`
    }
    case 'price_desc': {
      // MySQL orders NULL below every value, so the unpriced come last in descending order.
      if (position.price === null) return Prisma.sql`(c.Price IS NULL AND c.Consultant_ID < ${id})`
      const price = decimal(position.price, PRICE_TYPE)
      return Prisma.sql`(c.Price < ${price} OR (c.Price = ${price} AND c.Consultant_ID < ${id}) OR c.Price IS NULL)`
    }
  }
}

/** The conditions of the priced and the unpriced walk of the price sort after `position`. */
function afterInPriceOrder(position: Extract<ListPosition, { sort: 'price' }>) {
  const { id } = position
  if (position.price === null) return { priced: Prisma.sql`FALSE`, unpriced: Prisma.sql`c.Consultant_ID > ${id}` }
  const price = decimal(position.price, PRICE_TYPE)
  return {
    priced: Prisma.sql`(c.Price > ${price} OR (c.Price = ${price} AND c.Consultant_ID > ${id}))`,
    unpriced: Prisma.sql`TRUE`,
  }
}

/**
 * The ids of one page, in order: `page` rows after `position` when given (a keyset page), else after skipping
 * `page.skip` rows. The price sort is two index-ordered scans (priced, then unpriced) merged, because MySQL puts
 * NULL first in ascending order and an expression such as `Price IS NULL` cannot be read from an index.
 */
export function pageIdsQuery(
  filter: ConsultantFilter,
  sort: ConsultantSort,
  today: CalendarDate,
  page: PageWindow,
  position?: ListPosition,
) {
  const conditions = [...filterConditions(filter), bookableByProbe(today)]
  if (sort !== 'price') {
    const start = position === undefined || position.sort === 'price' ? [] : [afterPosition(position)]
    return Prisma.sql`SELECT c.Consultant_ID ${FROM_BOOKABLE_TABLES} WHERE ${where([...conditions, ...start])}
      ORDER BY ${ORDER_BY[sort]} LIMIT ${page.take} OFFSET ${page.skip}`
  }
  const start = position?.sort === 'price' ? afterInPriceOrder(position) : undefined
  const upTo = page.skip + page.take
  const priced = where([...conditions, Prisma.sql`c.Price IS NOT NULL`, ...(start ? [start.priced] : [])])
  const unpriced = where([...conditions, Prisma.sql`c.Price IS NULL`, ...(start ? [start.unpriced] : [])])
  return Prisma.sql`SELECT u.Consultant_ID FROM (
      (SELECT c.Consultant_ID, c.Price, 0 AS Unpriced ${FROM_BOOKABLE_TABLES}
        WHERE ${priced} ORDER BY c.Price ASC, c.Consultant_ID ASC LIMIT ${upTo})
      UNION ALL
      (SELECT c.Consultant_ID, c.Price, 1 AS Unpriced ${FROM_BOOKABLE_TABLES}
        WHERE ${unpriced} ORDER BY c.Consultant_ID ASC LIMIT ${upTo})
    ) u ORDER BY u.Unpriced ASC, u.Price ASC, u.Consultant_ID ASC LIMIT ${page.take} OFFSET ${page.skip}`
}

/**
 * One page of bookable consultants with everything the list shows, in one statement; `orderInList` rides along
 * for the page's keyset cursor.
 */
export function pageQuery(
  filter: ConsultantFilter,
  sort: ConsultantSort,
  today: CalendarDate,
  page: PageWindow,
  position?: ListPosition,
) {
  return Prisma.sql`SELECT ${LIST_COLUMNS}, c.Order_In_List AS orderInList
    FROM (${pageIdsQuery(filter, sort, today, page, position)}) p
    JOIN consultants c ON c.Consultant_ID = p.Consultant_ID
    JOIN customers a ON a.Customer_ID = c.Customer_ID
    ${NAMED_REFERENCES}
    ORDER BY ${ORDER_BY[sort]}`
}

type StarColumn = `stars${1 | 2 | 3 | 4 | 5}`

/** One row of the detail query: the consultant, its star counts, and one of its latest reviews (or none). */
type DetailQueryRow = ConsultantDetailRow &
  Record<StarColumn, bigint> & {
    readonly reviewId: number | null
    readonly reviewRating: number
    readonly comment: string | null
    readonly createdAt: string
    readonly reviewerFirstName: string | null
  }

export interface ConsultantDetailRecord {
  readonly consultant: ConsultantDetailRow
  readonly reviews: readonly ReviewRow[]
  readonly ratingCounts: readonly RatingCountRow[]
}

const starCount = (stars: number) => Prisma.raw(`COUNT(CASE WHEN r.Rating = ${stars} THEN 1 END) AS stars${stars}`)

/**
 * The profile in one statement: the consultant's row if bookable, joined with the visible reviews counted per star
 * (one aggregate row) and with the latest visible reviews (newest first, the reviewer's first name only), one
 * output row per review, or one row with no review. Star ratings outside 1..5 are not counted. `Created_at` is
 * read as text, because the legacy application may have stored a zero date, which the driver cannot turn into a
 * Date (it throws); it is still sorted as the DATETIME it is.
 */
export function detailQuery(id: ConsultantId, today: CalendarDate, reviewLimit: number) {
  return Prisma.sql`SELECT ${LIST_COLUMNS}, c.Bio_Ar AS bioAr, c.Bio_En AS bioEn,
      s.stars1, s.stars2, s.stars3, s.stars4, s.stars5,
      v.reviewId, v.reviewRating, v.comment, v.createdAt, v.reviewerFirstName
    ${FROM_BOOKABLE_TABLES} ${NAMED_REFERENCES}
    CROSS JOIN (SELECT ${Prisma.join([1, 2, 3, 4, 5].map(starCount))}
      FROM reviews r WHERE r.Consultant_ID = ${id} AND r.Review_Status = 'Visible') s
    LEFT JOIN (SELECT r.Review_ID AS reviewId, r.Rating AS reviewRating, r.Comment AS comment,
        CAST(r.Created_at AS CHAR) AS createdAt, r.Created_at AS createdAtSort, ra.First_Name AS reviewerFirstName
      FROM reviews r LEFT JOIN customers ra ON ra.Customer_ID = r.Customer_ID
      WHERE r.Consultant_ID = ${id} AND r.Review_Status = 'Visible'
      ORDER BY r.Created_at DESC, r.Review_ID DESC LIMIT ${reviewLimit}) v ON 1 = 1
    WHERE c.Consultant_ID = ${id} AND ${bookableByProbe(today)}
    ORDER BY v.createdAtSort DESC, v.reviewId DESC`
}

export function countQuery(filter: ConsultantFilter, today: CalendarDate) {
  return Prisma.sql`SELECT COUNT(*) AS total ${FROM_BOOKABLE_TABLES}
    WHERE ${where([...filterConditions(filter), bookableBySet(today)])}`
}

/**
 * Reads of the public consultant routes. `today` is the platform's calendar day, which decides who is bookable.
 * They are the service's hot reads, so they go straight to the driver (`rows`, `app.dbReadRows`), not through
 * Prisma's client; the statements are the same.
 */
export function createConsultantsRepository(rows: RowReader) {
  return {
    /** A page by number (`page`), or the `page.take` rows after `position` (keyset; `page.skip` is then 0). */
    listPage(filter: ConsultantFilter, sort: ConsultantSort, today: CalendarDate, page: PageWindow, position?: ListPosition) {
      return rows<ConsultantPageRow>(pageQuery(filter, sort, today, page, position))
    },

    async countBookable(filter: ConsultantFilter, today: CalendarDate): Promise<number> {
      const [row] = await rows<{ total: bigint }>(countQuery(filter, today))
      return Number(row?.total ?? 0)
    },

    /**
     * A bookable consultant with their rating distribution and latest visible reviews, or undefined when the
     * consultant does not exist or is not bookable today.
     */
    async findBookable(id: ConsultantId, today: CalendarDate, reviewLimit: number): Promise<ConsultantDetailRecord | undefined> {
      const found = await rows<DetailQueryRow>(detailQuery(id, today, reviewLimit))
      const [first] = found
      if (!first) return undefined
      const ratingCounts = [1, 2, 3, 4, 5].map((rating) => ({ rating, count: first[`stars${rating}` as StarColumn] }))
      const reviews: ReviewRow[] = []
      for (const row of found) {
        if (row.reviewId === null) continue
        const { reviewId, reviewRating: rating, comment, createdAt, reviewerFirstName } = row
        reviews.push({ reviewId, rating, comment, createdAt, reviewerFirstName })
      }
      return { consultant: first, reviews, ratingCounts }
    },
  }
}

export type ConsultantsRepository = ReturnType<typeof createConsultantsRepository>
