export {
  createTestDatabase,
  repoMigrationsDir,
  type TeardownHost,
  type TestDatabase,
  type TestDatabaseOptions,
} from './test-database.js'
