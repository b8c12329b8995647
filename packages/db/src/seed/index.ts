export { seedScenarios, type SeedScenariosOptions, type SeedScenariosResult } from './scenario-seed.js'
export {
  CONSULTANT_SCENARIOS,
  type ConsultantScenario,
  type ConsultantScenarioName,
  CUSTOMER_SCENARIOS,
  type CustomerScenario,
  type CustomerScenarioName,
  findScenario,
  SCENARIOS,
  type ScenarioIds,
  type ScenarioName,
} from './scenarios.js'
export { SEED_PASSWORD, SEED_PASSWORD_BCRYPT_2Y, SEED_PASSWORD_MD5 } from './passwords.js'
export {
  SEED_BRANCHES,
  SEED_CONSULTATION_CATEGORIES,
  SEED_SERVICE_CATEGORIES,
  SEED_SETTINGS,
} from './catalog-data.js'
export { PLATFORM_TIME_ZONE } from './clock.js'
export { formatTally, type SeedTally, type TableTally } from './tally.js'
export { seedVolume, type SeedVolumeOptions, type SeedVolumeResult } from './volume/volume-seed.js'
export { VOLUME_EMAIL_DOMAIN } from './volume/generate.js'
export { runSeed, type SeedIo } from '../cli/seed.js'
