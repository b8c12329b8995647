/** The password of every account the scenario seed creates; for development and tests only. */
export const SEED_PASSWORD = 'Passw0rd!seed'

/**
 * bcrypt (cost 10) of SEED_PASSWORD with the `$2y$` prefix PHP's password_hash wrote in the legacy application.
 * A constant rather than hashed per run: a fresh salt every run would rewrite the column and break idempotence.
 */
export const SEED_PASSWORD_BCRYPT_2Y = '$2y$10$5oWMjlljtpNDDau0pqMOZeny3AxwW9JlaZ3Ph2eJBwBQPygQXxrQe'

/** Unsalted MD5 hex of SEED_PASSWORD, the oldest legacy format still found in the Password column. */
export const SEED_PASSWORD_MD5 = 'a5f2838a96ed4bc89c47c643462d07e0'

export type LegacyPasswordFormat = 'bcrypt-2y' | 'md5'

export function legacyPasswordHash(format: LegacyPasswordFormat): string {
  return format === 'md5' ? SEED_PASSWORD_MD5 : SEED_PASSWORD_BCRYPT_2Y
}
