import { Prisma } from '../generated/prisma/client.js'

/*
 * Which consultations order is a consultant's latest: the one created last (highest `Created_at`), and of orders
 * created in the same second (the column has no fractions), the one recorded last (highest `Order_ID`).
 *
 * Why creation time first and not the id. We do not have the legacy application's source; what we assume of it:
 * it inserts an order when a consultant applies, with `Created_at` defaulting to the current time, so for every
 * order it wrote itself the two orders agree and the choice changes nothing. They disagree only for rows written
 * around it: orders imported from an earlier system or entered back-dated by an administrator, which get a new,
 * higher id but keep the date they stand for. Such a row records history, not a new application, so it must not
 * replace the application that is current; taking the highest id would let an imported old rejection lock out an
 * approved consultant (or an imported old approval reinstate a rejected one). `Created_at` is also what the
 * legacy tables expose as the order's date, and it is what the auth service already read at sign-in, so every
 * consultant who could sign in before still can. The id only breaks ties, which a one-second column makes
 * possible (a double submit), choosing the later insert.
 *
 * A legacy zero date (`0000-00-00 00:00:00`, possible where the server ran without NO_ZERO_DATE) sorts before
 * every real date, so an order with an unknown date is never taken over one with a known date; among orders all
 * dated zero, the id decides. `Created_at` is NOT NULL, so there is no NULL to place.
 *
 * Both readings of the rule live here, for an orders table aliased `o`: the ordering (the row form and the per-row
 * probe; index `consultations_orders_Customer_ID_Created_at_Order_ID_idx` reads it backwards, index-only) and a
 * sort key that compares the same way (the set form, which needs MAX over a group). The key is text: the
 * DATETIME as MySQL and MariaDB print it (`YYYY-MM-DD hh:mm:ss`, zero-padded, so text order is time order, and the
 * zero date sorts first) followed by the id zero-padded to the ten digits of an unsigned INT.
 * test/eligibility/forms.test.ts holds both to the same answers over rows chosen to tell them apart.
 */

/** `ORDER BY` this: the latest order of a customer first. */
export const LATEST_ORDER_FIRST = Prisma.sql`o.Created_at DESC, o.Order_ID DESC`

/** Orders the same way as LATEST_ORDER_FIRST, as one comparable value: MAX of it within a customer is the latest. */
export const LATEST_ORDER_KEY = Prisma.sql`CONCAT(CAST(o.Created_at AS CHAR), LPAD(o.Order_ID, 10, '0'))`
