-- Lookup forms of the legacy contact columns, so that a one-time-code or password sign-in finds the account the legacy
-- application created whatever spelling it stored (`050 000 8777`, `+966-50-000-8778`, Arabic-Indic digits,
-- ` name@example.com`), through an index, instead of creating a duplicate beside it.
--
-- Phone_Lookup: the phone with Arabic-Indic (U+0660..U+0669) and Eastern Arabic-Indic (U+06F0..U+06F9) digits made
-- ASCII, then everything but ASCII digits and `+` removed. The service matches it against the E.164, 00, bare
-- international and national spellings of the number (apps/auth/src/lib/phone-variants.ts).
-- Email_Lookup: the e-mail without leading or trailing blanks (space, tab, CR, LF); the column's collation
-- (utf8mb4_unicode_ci) already ignores case.
--
-- Additive and safe for the legacy application, which keeps reading and writing the same columns: both columns are
-- VIRTUAL (computed on read, nothing stored, an instant ALTER on MySQL 8.4 and MariaDB 10.11) and INVISIBLE (absent
-- from SELECT * and from positional INSERT ... VALUES without a column list). The indexes are built online. The
-- expressions keep to what both servers evaluate alike: plain REPLACE, and REGEXP_REPLACE with three arguments,
-- ASCII classes only (no digit shorthand: ICU's also matches Arabic-Indic digits), no backreferences. The indexes are not
-- unique: two legacy rows may normalise to the same value, and the service refuses to guess between them.
-- AlterTable
ALTER TABLE `customers`
    ADD COLUMN `Phone_Lookup` VARCHAR(32) AS (REGEXP_REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(`Phone`, '٠', '0'), '١', '1'), '٢', '2'), '٣', '3'), '٤', '4'), '٥', '5'), '٦', '6'), '٧', '7'), '٨', '8'), '٩', '9'), '۰', '0'), '۱', '1'), '۲', '2'), '۳', '3'), '۴', '4'), '۵', '5'), '۶', '6'), '۷', '7'), '۸', '8'), '۹', '9'), '[^0-9+]', '')) VIRTUAL INVISIBLE,
    ADD COLUMN `Email_Lookup` VARCHAR(191) AS (REGEXP_REPLACE(`Email`, '^[ \t\r\n]+|[ \t\r\n]+$', '')) VIRTUAL INVISIBLE;

-- CreateIndex
CREATE INDEX `customers_Phone_Lookup_idx` ON `customers`(`Phone_Lookup`) ALGORITHM=INPLACE LOCK=NONE;

-- CreateIndex
CREATE INDEX `customers_Email_Lookup_idx` ON `customers`(`Email_Lookup`) ALGORITHM=INPLACE LOCK=NONE;
