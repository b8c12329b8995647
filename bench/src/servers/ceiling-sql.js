// @ts-check
// The services' SQL, written out for the raw driver. Sources, to keep in step (the runner's byte check catches drift):
// apps/catalog/src/repositories/categories-repository.ts (the Prisma findMany, as plain SQL),
// apps/consultants/src/repositories/consultants-repository.ts and packages/db/src/eligibility/bookable-sql.ts with
// latest-order.ts (the same text; `?` per parameter).

export const CATEGORIES_SQL = `SELECT Category_ID AS categoryId, Name_Ar AS nameAr, Name_En AS nameEn,
  Description_Ar AS descriptionAr, Description_En AS descriptionEn, Image AS image, Icon AS icon,
  Order_In_List AS orderInList
  FROM consultations_categories WHERE Is_Active = 1 ORDER BY Order_In_List ASC, Category_ID ASC`

const FROM_BOOKABLE_TABLES = 'FROM consultants c JOIN customers a ON a.Customer_ID = c.Customer_ID'

const LIST_COLUMNS = `c.Consultant_ID AS consultantId, c.Customer_ID AS customerId,
  c.Category_ID AS categoryId, c.Branch_ID AS branchId, c.Title_Ar AS titleAr, c.Title_En AS titleEn,
  c.Photo AS photo, c.Price AS price, c.Rating AS rating, c.Rating_Count AS ratingCount,
  c.Online_Status AS onlineStatus, c.Verified_Status AS verifiedStatus,
  a.First_Name AS firstName, a.Last_Name AS lastName, a.Photo AS accountPhoto,
  cat.Name_Ar AS categoryNameAr, cat.Name_En AS categoryNameEn, b.Name_Ar AS branchNameAr, b.Name_En AS branchNameEn`

const NAMED_REFERENCES = `LEFT JOIN consultations_categories cat ON cat.Category_ID = c.Category_ID
  LEFT JOIN branches b ON b.Branch_ID = c.Branch_ID`

const ORDER_BY_LIST_ORDER = 'c.Order_In_List ASC, c.Consultant_ID ASC'

/** Parameters: today, today, today. */
const BOOKABLE_BY_PROBE = `c.Consultant_Status = 'Active' AND a.Account_Status = 'Active'
    AND (SELECT o.Order_Status FROM consultations_orders o
         WHERE o.Customer_ID = c.Customer_ID ORDER BY o.Created_at DESC, o.Order_ID DESC LIMIT 1) = 'Approved'
    AND (SELECT MAX(k.End_Date) FROM consultant_contract k
         WHERE k.Consultant_ID = c.Consultant_ID AND k.Start_Date >= '1000-01-01' AND k.Start_Date <= ?) >= ?
    AND (SELECT MAX(l.Expiry_Date) FROM consultant_licenses l WHERE l.Consultant_ID = c.Consultant_ID) >= ?`

/** Parameters: today, today, today. */
const BOOKABLE_BY_SET = `c.Consultant_Status = 'Active' AND a.Account_Status = 'Active'
    AND c.Customer_ID IN (SELECT o.Customer_ID FROM consultations_orders o GROUP BY o.Customer_ID
         HAVING MAX(CONCAT(CAST(o.Created_at AS CHAR), LPAD(o.Order_ID, 10, '0'))) = MAX(CASE WHEN o.Order_Status = 'Approved' THEN CONCAT(CAST(o.Created_at AS CHAR), LPAD(o.Order_ID, 10, '0')) END))
    AND c.Consultant_ID IN (SELECT k.Consultant_ID FROM consultant_contract k
         WHERE k.Start_Date >= '1000-01-01' AND k.Start_Date <= ? AND k.End_Date >= ?)
    AND c.Consultant_ID IN (SELECT l.Consultant_ID FROM consultant_licenses l WHERE l.Expiry_Date >= ?)`

/** One page in the default sort without filters. Parameters: today ×3, take, skip. */
export const PAGE_SQL = `SELECT ${LIST_COLUMNS}
    FROM (SELECT c.Consultant_ID ${FROM_BOOKABLE_TABLES} WHERE ${BOOKABLE_BY_PROBE}
      ORDER BY ${ORDER_BY_LIST_ORDER} LIMIT ? OFFSET ?) p
    JOIN consultants c ON c.Consultant_ID = p.Consultant_ID
    JOIN customers a ON a.Customer_ID = c.Customer_ID
    ${NAMED_REFERENCES}
    ORDER BY ${ORDER_BY_LIST_ORDER}`

/** The list total without filters. Parameters: today ×3. */
export const COUNT_SQL = `SELECT COUNT(*) AS total ${FROM_BOOKABLE_TABLES} WHERE ${BOOKABLE_BY_SET}`

/** One bookable consultant. Parameters: id, today ×3. */
export const DETAIL_SQL = `SELECT ${LIST_COLUMNS}, c.Bio_Ar AS bioAr, c.Bio_En AS bioEn
  ${FROM_BOOKABLE_TABLES} ${NAMED_REFERENCES}
  WHERE c.Consultant_ID = ? AND ${BOOKABLE_BY_PROBE}`

/** Parameters: id, limit. */
export const REVIEWS_SQL = `SELECT r.Review_ID AS reviewId, r.Rating AS rating, r.Comment AS comment,
    CAST(r.Created_at AS CHAR) AS createdAt, a.First_Name AS reviewerFirstName
  FROM reviews r LEFT JOIN customers a ON a.Customer_ID = r.Customer_ID
  WHERE r.Consultant_ID = ? AND r.Review_Status = 'Visible'
  ORDER BY r.Created_at DESC, r.Review_ID DESC LIMIT ?`

/** Parameters: id. */
export const RATING_COUNTS_SQL = `SELECT r.Rating AS rating, COUNT(*) AS count FROM reviews r
  WHERE r.Consultant_ID = ? AND r.Review_Status = 'Visible' GROUP BY r.Rating`
