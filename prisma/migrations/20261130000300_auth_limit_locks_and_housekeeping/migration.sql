-- Exact OTP limits under concurrency, and indexes for the auth service's housekeeping. Additive only: new table and
-- indexes on the auth_ tables of 20261130000100_auth_tables; no legacy table is touched. Must run unchanged on
-- MySQL 8.4 and MariaDB 10.11.

-- One row per limited key (a client IP for code requests, a destination for failed verifications). The row carries
-- no count: a transaction locks it (INSERT ... ON DUPLICATE KEY UPDATE takes its exclusive lock) before it counts the
-- key's auth_otp_events and adds one, so instances sharing the database take their turns for one key and a limit
-- cannot be passed by requests arriving at the same instant. `last_used_at` lets housekeeping delete unused rows.
-- CreateTable
CREATE TABLE `auth_limit_locks` (
    `scope` VARCHAR(32) NOT NULL,
    `subject` VARCHAR(254) NOT NULL,
    `last_used_at` DATETIME(3) NOT NULL,

    INDEX `auth_limit_locks_last_used_at_idx`(`last_used_at`),
    PRIMARY KEY (`scope`, `subject`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Housekeeping finds what it may delete through these, instead of scanning whole tables: sessions ended, past their
-- absolute end or idle; codes long expired; password-failure records whose window and lock are long over.
-- CreateIndex
CREATE INDEX `auth_sessions_revoked_at_idx` ON `auth_sessions`(`revoked_at`);

-- CreateIndex
CREATE INDEX `auth_sessions_expires_at_idx` ON `auth_sessions`(`expires_at`);

-- CreateIndex
CREATE INDEX `auth_sessions_last_used_at_idx` ON `auth_sessions`(`last_used_at`);

-- CreateIndex
CREATE INDEX `auth_otp_challenges_expires_at_idx` ON `auth_otp_challenges`(`expires_at`);

-- CreateIndex
CREATE INDEX `auth_sign_in_throttles_window_started_at_idx` ON `auth_sign_in_throttles`(`window_started_at`);
