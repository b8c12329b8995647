export {
  createTestDatabase,
  sweepOrphanedTestDatabases,
  TEST_DATABASE_HOST_PREFIX,
  TEST_DATABASE_PREFIX,
  testDatabaseLockName,
  testServerUrl,
  type TeardownHost,
  type TestDatabase,
  type TestDatabaseOptions,
} from './test-database.js'
export { repoMigrationsDir } from '../migrations/paths.js'
export { recordOlderOrderLater } from './older-order.js'
export { startReplicationPair, type ReplicationPair, type ReplicationPairOptions } from './replication.js'
