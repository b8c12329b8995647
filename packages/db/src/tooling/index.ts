// `@cp/db/tooling`: what prepares and checks a database (the migration applier, the drift check). It is its own
// entry so that a service process, which imports `@cp/db`, never loads it: the drift check brings Prisma's schema
// WebAssembly (`@prisma/prisma-schema-wasm`, several MiB of code), and neither is needed to serve requests.
export { applyMigrations, type ApplyMigrationsOptions, type ApplyMigrationsResult } from '../migrations/apply.js'
export { MigrateError } from '../migrations/errors.js'
export type { MigrationRecord } from '../migrations/history.js'
export { repoMigrationsDir } from '../migrations/paths.js'
export { checkDrift, DriftCheckError, formatDriftReport, type CheckDriftOptions, type DriftIssue, type DriftReport } from '../drift/index.js'
export { checkOrphans, formatOrphanReport, type CheckOrphansOptions, type OrphanReport } from '../orphans/index.js'
