import { checkSuccessResponses } from '@cp/service-kit'
import t from 'tap'
import { buildCatalogApp } from '../src/app.js'
import { loadCatalogConfig } from '../src/config.js'

t.test('every success response is described and has an example that fits its schema', async (t) => {
  // The document does not depend on data, so no database is needed (an unreachable one is refused at once).
  const config = loadCatalogConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere',
    DB_CONNECT_TIMEOUT_MS: '300',
  })
  const app = await buildCatalogApp({ config, logger: false })
  t.teardown(() => app.close())
  const doc = (await app.inject({ url: '/docs/catalog/openapi.json' })).json()
  const { checked, problems } = checkSuccessResponses(doc)
  t.same(problems, [])
  t.same(checked.sort(), [
    'GET /v1/catalog/consultation-categories 200',
    'GET /v1/catalog/consultation-categories/{id} 200',
    'GET /v1/catalog/service-categories 200',
    'GET /v1/catalog/service-categories/{id} 200',
  ])
})
