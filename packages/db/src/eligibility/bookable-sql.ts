import type { CalendarDate } from '@cp/domain'
import { Prisma } from '../generated/prisma/client.js'
import { LATEST_ORDER_FIRST, LATEST_ORDER_KEY } from './latest-order.js'

/*
 * The SQL form of the eligibility facts: "bookable" is the sign-in eligibility rule of @cp/domain
 * (checkConsultantEligibility) evaluated in SQL for the platform's `today`: the consultant row and its customer
 * account are Active, the consultant's latest consultations order (latest-order.ts) is Approved, a contract has
 * started and has not ended, and a license has not expired. A consultant who could not sign in cannot run a
 * session, so customers never see one. Zero dates left by the legacy application never make a contract valid, as
 * in the domain rule. The row form (facts.ts) reads the same facts for one consultant; test/eligibility/forms.test.ts
 * keeps the two equal.
 *
 * Both fragments expect the consultant as `c` and its account as `a`, and mean exactly the same thing; they
 * differ in how MariaDB and MySQL execute them, measured on a volume seed (apps/consultants/README.md, "Query
 * plans"):
 *
 * - `bookableByProbe`: correlated subqueries, each one index-only lookup per consultant row (covering indexes
 *   from migrations 20261130000200 and 20261203000200). For a page: the scan follows the sort index and stops after
 *   one page, so a page costs a few dozen lookups whatever the table size. Also for one consultant by id.
 * - `bookableBySet`: uncorrelated IN subqueries that the optimiser turns into semi-joins against materialised
 *   sets, one index scan each. For a total: counting visits every consultant anyway, and per-row subqueries cost
 *   two to four times as much there.
 */

const VALID_START = Prisma.sql`'1000-01-01'`

export function bookableByProbe(today: CalendarDate): Prisma.Sql {
  return Prisma.sql`c.Consultant_Status = 'Active' AND a.Account_Status = 'Active'
    AND (SELECT o.Order_Status FROM consultations_orders o
         WHERE o.Customer_ID = c.Customer_ID ORDER BY ${LATEST_ORDER_FIRST} LIMIT 1) = 'Approved'
    AND (SELECT MAX(k.End_Date) FROM consultant_contract k
         WHERE k.Consultant_ID = c.Consultant_ID AND k.Start_Date >= ${VALID_START} AND k.Start_Date <= ${today}) >= ${today}
    AND (SELECT MAX(l.Expiry_Date) FROM consultant_licenses l WHERE l.Consultant_ID = c.Consultant_ID) >= ${today}`
}

export function bookableBySet(today: CalendarDate): Prisma.Sql {
  return Prisma.sql`c.Consultant_Status = 'Active' AND a.Account_Status = 'Active'
    AND c.Customer_ID IN (SELECT o.Customer_ID FROM consultations_orders o GROUP BY o.Customer_ID
         HAVING MAX(${LATEST_ORDER_KEY}) = MAX(CASE WHEN o.Order_Status = 'Approved' THEN ${LATEST_ORDER_KEY} END))
    AND c.Consultant_ID IN (SELECT k.Consultant_ID FROM consultant_contract k
         WHERE k.Start_Date >= ${VALID_START} AND k.Start_Date <= ${today} AND k.End_Date >= ${today})
    AND c.Consultant_ID IN (SELECT l.Consultant_ID FROM consultant_licenses l WHERE l.Expiry_Date >= ${today})`
}
