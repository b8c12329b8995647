import { checkSuccessResponses } from '@cp/service-kit'
import t from 'tap'
import { buildAuthApp } from '../src/app.js'
import { loadAuthConfig } from '../src/config.js'
import { generateDevKeyPem } from '../src/lib/keys.js'
import { createMemorySender } from '../src/lib/senders.js'
import { ISSUER, TEST_PEPPER } from './helpers/app.js'

t.test('every success response is described and has an example that fits its schema', async (t) => {
  // The document does not depend on data, so no database is needed (an unreachable one is refused at once).
  const config = loadAuthConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere',
    DB_CONNECT_TIMEOUT_MS: '300',
    AUTH_ISSUER: ISSUER,
    AUTH_SIGNING_KEY: generateDevKeyPem(),
    AUTH_OTP_PEPPER: TEST_PEPPER,
    AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '0',
  })
  const app = await buildAuthApp({ config, logger: false, sender: createMemorySender() })
  t.teardown(() => app.close())
  const doc = (await app.inject({ url: '/docs/auth/openapi.json' })).json()
  const { checked, problems } = checkSuccessResponses(doc)
  t.same(problems, [])
  t.same(checked.sort(), [
    'GET /v1/auth/.well-known/jwks.json 200',
    'GET /v1/auth/me 200',
    'POST /v1/auth/otp/request 202',
    'POST /v1/auth/otp/verify 200',
    'POST /v1/auth/password/sign-in 200',
    'POST /v1/auth/token/refresh 200',
  ])
})
