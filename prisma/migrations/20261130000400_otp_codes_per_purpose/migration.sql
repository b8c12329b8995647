-- One-time codes keyed by destination AND purpose (sign-in:customer / sign-in:consultant), so that a request for one
-- role can neither replace nor burn the other role's code, its resend interval or its hourly and daily quotas.
-- Additive only: a new table takes over from auth_otp_challenges (one row per destination, no longer read or
-- written; codes in flight at the upgrade, valid 5 minutes, must be asked for again), and the OTP events get the
-- purpose they count for. No legacy table is touched. Must run unchanged on MySQL 8.4 and MariaDB 10.11.

-- CreateTable
CREATE TABLE `auth_otp_codes` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `destination` VARCHAR(254) NOT NULL,
    `purpose` VARCHAR(32) NOT NULL,
    `code_hash` CHAR(64) NOT NULL,
    `issued_at` DATETIME(3) NOT NULL,
    `expires_at` DATETIME(3) NOT NULL,
    `attempts` INT NOT NULL DEFAULT 0,
    `consumed_at` DATETIME(3) NULL,

    UNIQUE INDEX `auth_otp_codes_destination_purpose_key`(`destination`, `purpose`),
    INDEX `auth_otp_codes_expires_at_idx`(`expires_at`),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- NULL on events written before this migration: they count for both purposes until they leave the 24-hour window.
-- AlterTable
ALTER TABLE `auth_otp_events` ADD COLUMN `purpose` VARCHAR(32) NULL;
