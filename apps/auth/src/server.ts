import { runServer } from '@cp/service-kit'
import { buildAuthApp } from './app.js'
import { loadAuthConfig } from './config.js'

const config = loadAuthConfig()
await runServer(() => buildAuthApp({ config }), {
  host: config.HOST,
  port: config.PORT,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
})
