export {
  createTestDatabase,
  type TeardownHost,
  type TestDatabase,
  type TestDatabaseOptions,
} from './test-database.js'
export { repoMigrationsDir } from '../migrations/paths.js'
