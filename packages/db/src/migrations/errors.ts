/**
 * A refusal or failure of the migration applier. `code` uses Prisma's error codes where Prisma has one for
 * the same situation (P3005 non-empty database, P3009 failed migrations, P3018 a migration failed, P3019
 * provider mismatch), so the messages people search for lead to Prisma's own documentation.
 */
export class MigrateError extends Error {
  override readonly name = 'MigrateError'

  constructor(
    readonly code: 'P3005' | 'P3009' | 'P3018' | 'P3019' | 'LOCK_TIMEOUT' | 'MIGRATION_FILE',
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}
