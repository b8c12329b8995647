import { runServer } from '@cp/service-kit'
import { buildConsultantsApp } from './app.js'
import { loadConsultantsConfig } from './config.js'

const config = loadConsultantsConfig()
await runServer(() => buildConsultantsApp({ config }), {
  host: config.HOST,
  port: config.PORT,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
})
