import Fastify from 'fastify'
import fp from 'fastify-plugin'
import t from 'tap'
import { dbPlugin, parseDbConfig } from '../src/index.js'
import { createTestDatabase } from '../src/testing/index.js'

t.test('decorates app.db and app.dbHealth, checks the database when ready and closes the pool with the app', async (t) => {
  const { url, name } = await createTestDatabase(t)
  const logs: Array<Record<string, unknown>> = []
  const app = Fastify({
    logger: { level: 'debug', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } },
  })
  await app.register(dbPlugin, { config: parseDbConfig({ DATABASE_URL: url }) })
  app.get('/count', async () => ({ customers: await app.db.customer.count() }))
  app.get('/ready', async () => app.dbHealth())

  await app.ready()
  t.match(logs, [{ msg: 'database pool opened', db: { database: name } }])
  t.match(logs.find((entry) => entry.msg === 'database reachable'), { latencyMs: Number })

  t.same((await app.inject('/count')).json(), { customers: 0 })
  t.match((await app.inject('/ready')).json(), { ok: true, latencyMs: Number })

  await app.close()
  t.equal(logs.at(-1)?.msg, 'database pool closed')
})

t.test('an unreachable database is logged at start-up but does not prevent the app from starting', async (t) => {
  const logs: Array<Record<string, unknown>> = []
  const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } } })
  await app.register(dbPlugin, {
    config: parseDbConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/x', DB_CONNECT_TIMEOUT_MS: '200', DB_HEALTH_TIMEOUT_MS: '100' }),
  })
  t.teardown(() => app.close())
  await app.ready()
  t.match(logs.find((entry) => entry.level === 50 && /start-up/.test(String(entry.msg))), { msg: /database unreachable at start-up/, error: String })
  t.match(await app.dbHealth(50), { ok: false })
})

t.test('registers under its name so other plugins can declare it as a dependency', async (t) => {
  const needsDb = fp(async (app) => void app.db, { name: 'needs-db', dependencies: ['@cp/db'] })

  const { url } = await createTestDatabase(t)
  const app = Fastify()
  t.teardown(() => app.close())
  await app.register(dbPlugin, { config: parseDbConfig({ DATABASE_URL: url }) })
  await app.register(needsDb)
  await app.ready()
  t.ok(app.hasDecorator('db'), 'decorators reach the root instance')

  const without = Fastify()
  t.teardown(() => without.close())
  without.register(needsDb)
  await t.rejects(async () => without.ready(), /@cp\/db/)
})
