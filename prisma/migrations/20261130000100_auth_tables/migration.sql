-- Tables of the new auth service, and the argon2id password column. Additive only: the legacy application keeps
-- reading and writing every legacy table and column as before. Must run unchanged on MySQL 8.4 and MariaDB 10.11.
-- New tables use the new naming style (auth_ prefix, snake_case columns); every time is written by the service
-- (UTC, millisecond precision), never by a database default, so limits behave the same on every instance.

-- customers.Password keeps the legacy hash (bcrypt or MD5) untouched, so the legacy application's sign-in keeps
-- working. The argon2id hash made on a successful sign-in goes into Password_Argon2; Password_Argon2_Source holds
-- the SHA-256 (hex) of the legacy Password value it was verified against, so that a password changed later through
-- the legacy application (a new Password value) makes the stale argon2id hash ignored instead of still accepted.
-- Nullable and at the end of the table: an instant ALTER on MySQL 8 and MariaDB 10.3+.
-- AlterTable
ALTER TABLE `customers`
    ADD COLUMN `Password_Argon2` VARCHAR(255) NULL,
    ADD COLUMN `Password_Argon2_Source` CHAR(64) NULL;

-- One sign-in session: the family of refresh tokens that rotate from one sign-in. `id` is the token's `sid`.
-- CreateTable
CREATE TABLE `auth_sessions` (
    `id` CHAR(36) NOT NULL,
    `customer_id` INT NOT NULL,
    `consultant_id` INT NULL,
    `role` ENUM('customer', 'consultant') NOT NULL,
    `created_at` DATETIME(3) NOT NULL,
    `last_used_at` DATETIME(3) NOT NULL,
    `expires_at` DATETIME(3) NOT NULL,
    `revoked_at` DATETIME(3) NULL,
    `revoked_reason` VARCHAR(32) NULL,
    `created_ip` VARCHAR(64) NULL,

    INDEX `auth_sessions_customer_id_idx`(`customer_id`),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Refresh tokens, stored only as SHA-256. A rotated token keeps, for the grace period, the encrypted pair its
-- rotation produced (`grace_response`), so a replay within the grace period gets that same pair.
-- CreateTable
CREATE TABLE `auth_refresh_tokens` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `session_id` CHAR(36) NOT NULL,
    `token_hash` CHAR(64) NOT NULL,
    `created_at` DATETIME(3) NOT NULL,
    `rotated_at` DATETIME(3) NULL,
    `replaced_by_id` BIGINT NULL,
    `grace_response` TEXT NULL,

    UNIQUE INDEX `auth_refresh_tokens_token_hash_key`(`token_hash`),
    INDEX `auth_refresh_tokens_session_id_idx`(`session_id`),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The current one-time code of a normalised destination (E.164 phone or lower-cased e-mail), as an HMAC bound to
-- purpose and destination. One row per destination: a new code, for any purpose, replaces the previous one.
-- CreateTable
CREATE TABLE `auth_otp_challenges` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `destination` VARCHAR(254) NOT NULL,
    `purpose` VARCHAR(32) NOT NULL,
    `code_hash` CHAR(64) NOT NULL,
    `issued_at` DATETIME(3) NOT NULL,
    `expires_at` DATETIME(3) NOT NULL,
    `attempts` INT NOT NULL DEFAULT 0,
    `consumed_at` DATETIME(3) NULL,

    UNIQUE INDEX `auth_otp_challenges_destination_key`(`destination`),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the OTP rate limits count: code requests per client IP, codes issued and failed verifications per
-- destination. Rows older than a day count for nothing and are deleted as the service goes.
-- CreateTable
CREATE TABLE `auth_otp_events` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `kind` ENUM('requested', 'issued', 'verify_failed') NOT NULL,
    `destination` VARCHAR(254) NOT NULL,
    `ip` VARCHAR(64) NOT NULL,
    `created_at` DATETIME(3) NOT NULL,

    INDEX `auth_otp_events_destination_kind_created_at_idx`(`destination`, `kind`, `created_at`),
    INDEX `auth_otp_events_ip_kind_created_at_idx`(`ip`, `kind`, `created_at`),
    INDEX `auth_otp_events_created_at_idx`(`created_at`),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Password sign-in failures per login identifier (normalised e-mail or phone, whether or not an account has it):
-- progressive delay after 5 failures, a 15-minute lock after 10 within 15 minutes.
-- CreateTable
CREATE TABLE `auth_sign_in_throttles` (
    `identifier` VARCHAR(254) NOT NULL,
    `failures` INT NOT NULL DEFAULT 0,
    `window_started_at` DATETIME(3) NOT NULL,
    `last_failure_at` DATETIME(3) NULL,
    `locked_until` DATETIME(3) NULL,

    PRIMARY KEY (`identifier`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Push device tokens: one per session, each token owned by one account (unique by its SHA-256, since tokens can be
-- longer than an index allows).
-- CreateTable
CREATE TABLE `auth_device_tokens` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `token_hash` CHAR(64) NOT NULL,
    `token` TEXT NOT NULL,
    `customer_id` INT NOT NULL,
    `session_id` CHAR(36) NOT NULL,
    `platform` ENUM('ios', 'android', 'web') NOT NULL,
    `created_at` DATETIME(3) NOT NULL,
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `auth_device_tokens_token_hash_key`(`token_hash`),
    UNIQUE INDEX `auth_device_tokens_session_id_key`(`session_id`),
    INDEX `auth_device_tokens_customer_id_idx`(`customer_id`),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
