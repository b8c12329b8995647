// `@cp/db`: what a service process loads. The migration applier and drift check are in `@cp/db/tooling`.
export { type DbConfig, DbConfigSchema, parseDbConfig, parseDatabaseUrl } from './config.js'
export { createDb, type CreateDbOptions, type Db } from './client.js'
export {
  type DbMetrics,
  type DbPoolCounts,
  type QueryOperation,
  QUERY_OPERATIONS,
  queryOperation,
} from './metrics.js'
export { columnsAs, type DriverRow, type DriverValue, type RowReader } from './rows.js'
export { dbPlugin, type DbPluginOptions } from './plugin.js'
export type { DbHealth } from './health.js'
export type { ReplicaFallback, ReplicaHooks, ReplicaState, ReplicaStatus } from './replicas.js'
export type { DbLogger } from './logger.js'
export type { StatementObserver } from './slow-query-log.js'
export * from './models.js'
export { type Page, type PageQuery, PageQuerySchema, paginated, toPage } from './pagination.js'
export { isDatabaseUnavailable } from './errors.js'
export { databaseServiceOptions } from './service-options.js'
export { bookableByProbe, bookableBySet } from './eligibility/bookable-sql.js'
export {
  contractsOf,
  type ConsultantEligibilityFacts,
  type EligibilityReader,
  type EligibilitySubject,
  latestOrderOf,
  licensesOf,
  readEligibilityFacts,
} from './eligibility/facts.js'
