import { checkSuccessResponses } from '@cp/service-kit'
import { TEST_ISSUER } from '@cp/service-kit/testing'
import t from 'tap'
import { buildConsultantsApp } from '../src/app.js'
import { loadConsultantsConfig } from '../src/config.js'
import { TEST_KEY } from './helpers/tokens.js'

t.test('every success response is described and has an example that fits its schema', async (t) => {
  // The document does not depend on data, so no database is needed (an unreachable one is refused at once).
  const config = loadConsultantsConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere',
    DB_CONNECT_TIMEOUT_MS: '300',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_PUBLIC_KEY_PEM: TEST_KEY.publicKeyPem,
  })
  const app = await buildConsultantsApp({ config, logger: false })
  t.teardown(() => app.close())
  const doc = (await app.inject({ url: '/docs/consultants/openapi.json' })).json()
  const { checked, problems } = checkSuccessResponses(doc)
  t.same(problems, [])
  t.same(checked.sort(), [
    'GET /v1/consultants 200',
    'GET /v1/consultants/me 200',
    'GET /v1/consultants/{id} 200',
    'GET /v1/consultants/{id}/availability 200',
    'PATCH /v1/consultants/me 200',
  ])
})
