export { type DbConfig, DbConfigSchema, parseDbConfig, parseDatabaseUrl } from './config.js'
export { createDb, type CreateDbOptions, type Db } from './client.js'
export {
  type DbMetrics,
  type DbPoolCounts,
  type QueryOperation,
  QUERY_OPERATIONS,
  queryOperation,
} from './metrics.js'
export { dbPlugin, type DbPluginOptions } from './plugin.js'
export type { DbHealth } from './health.js'
export type { DbLogger } from './logger.js'
export * from './models.js'
export { type Page, type PageQuery, PageQuerySchema, paginated, toPage } from './pagination.js'
export { applyMigrations, type ApplyMigrationsOptions, type ApplyMigrationsResult } from './migrations/apply.js'
export { MigrateError } from './migrations/errors.js'
export type { MigrationRecord } from './migrations/history.js'
export { checkDrift, DriftCheckError, formatDriftReport, type CheckDriftOptions, type DriftIssue, type DriftReport } from './drift/index.js'
export { isDatabaseUnavailable } from './errors.js'
export { databaseServiceOptions } from './service-options.js'
