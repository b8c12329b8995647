-- Indexes for the consultants service's list, detail and availability queries. Additive only: no legacy column or
-- index changes, so the legacy application is unaffected (InnoDB builds secondary indexes online, without blocking
-- writes). Must run unchanged on MySQL 8.4 and MariaDB 10.11. Query plans before and after: apps/consultants/README.md.

-- "Bookable" reads each consultant's latest consultations order (highest Order_ID of its Customer_ID) and its
-- status. Covering, so the lookup and the GROUP BY over all orders never touch the table rows.
-- CreateIndex
CREATE INDEX `consultations_orders_Customer_ID_Order_ID_Order_Status_idx` ON `consultations_orders`(`Customer_ID`, `Order_ID`, `Order_Status`);

-- A contract in effect today: Start_Date <= today <= End_Date. Covering for the per-consultant probe (range on
-- Start_Date, MAX(End_Date)) and for the set of consultants with one.
-- CreateIndex
CREATE INDEX `consultant_contract_Consultant_ID_Start_Date_End_Date_idx` ON `consultant_contract`(`Consultant_ID`, `Start_Date`, `End_Date`);

-- A license not expired today: MAX(Expiry_Date) per consultant is a single index read.
-- CreateIndex
CREATE INDEX `consultant_licenses_Consultant_ID_Expiry_Date_idx` ON `consultant_licenses`(`Consultant_ID`, `Expiry_Date`);

-- The list sorted by rating (Rating DESC, Rating_Count DESC, Consultant_ID DESC: read backwards) and by price.
-- The default sort already has consultants_Consultant_Status_Order_In_List_idx.
-- CreateIndex
CREATE INDEX `consultants_Consultant_Status_Rating_Rating_Count_idx` ON `consultants`(`Consultant_Status`, `Rating`, `Rating_Count`);

-- CreateIndex
CREATE INDEX `consultants_Consultant_Status_Price_idx` ON `consultants`(`Consultant_Status`, `Price`);
