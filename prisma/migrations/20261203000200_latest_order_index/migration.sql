-- A consultant's latest consultations order is the one with the highest Created_at, ties broken by the highest
-- Order_ID (the rule and why: packages/db/src/eligibility/latest-order.ts). Auth and consultants read it the same
-- way since this migration; before it the consultants list took the highest Order_ID.
--
-- Covering for both readings: the per-consultant probe (`ORDER BY Created_at DESC, Order_ID DESC LIMIT 1`, read
-- backwards, index-only) and the set of customers whose latest order is approved (one scan of the index, grouped
-- by Customer_ID). It replaces the (Customer_ID, Order_ID, Order_Status) index of 20261130000200, which only the
-- old reading used; the legacy application never depended on it. Both statements run online (InnoDB) and
-- unchanged on MySQL 8.4 and MariaDB 10.11.
-- CreateIndex
CREATE INDEX `consultations_orders_Customer_ID_Created_at_Order_ID_idx` ON `consultations_orders`(`Customer_ID`, `Created_at`, `Order_ID`, `Order_Status`);

-- DropIndex
DROP INDEX `consultations_orders_Customer_ID_Order_ID_Order_Status_idx` ON `consultations_orders`;
