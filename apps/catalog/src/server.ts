import { runServer } from '@cp/service-kit'
import { buildCatalogApp } from './app.js'
import { loadCatalogConfig } from './config.js'

const config = loadCatalogConfig()
await runServer(() => buildCatalogApp({ config }), {
  host: config.HOST,
  port: config.PORT,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
})
