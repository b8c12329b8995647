-- Password sign-in failures per client IP (or IPv6 /64), counted like the OTP limits: events in auth_otp_events under
-- a lock row in auth_limit_locks, so the limit is exact under concurrency. Additive only: one value appended to the
-- event kind (an instant ALTER on MySQL 8.4 and MariaDB 10.11); no legacy table is touched.
-- AlterTable
ALTER TABLE `auth_otp_events` MODIFY `kind` ENUM('requested', 'issued', 'verify_failed', 'password_failed') NOT NULL;
