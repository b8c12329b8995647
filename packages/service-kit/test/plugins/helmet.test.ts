import fastifyHelmet from '@fastify/helmet'
import Fastify, { type FastifyInstance } from 'fastify'
import t from 'tap'
import helmetPlugin, { helmetOptions } from '../../src/plugins/helmet.js'
import { buildTestApp } from '../helpers/test-app.js'

async function bareApp(register: (app: FastifyInstance) => PromiseLike<unknown>): Promise<FastifyInstance> {
  const app = Fastify()
  await register(app)
  app.get('/ok', async () => ({ ok: true }))
  app.get('/boom', async () => {
    throw new Error('boom')
  })
  await app.ready()
  return app
}

for (const upgradeInsecureRequests of [false, true]) {
  t.test(`every header equals @fastify/helmet's with the same options (upgrade-insecure-requests: ${upgradeInsecureRequests})`, async (t) => {
    const options = { upgradeInsecureRequests }
    const ours = await bareApp((app) => app.register(helmetPlugin, options))
    const theirs = await bareApp((app) => app.register(fastifyHelmet, { global: true, ...(helmetOptions(options) as object) }))
    t.teardown(() => Promise.all([ours.close(), theirs.close()]))
    for (const url of ['/ok', '/boom', '/nowhere']) {
      const [a, b] = await Promise.all([ours.inject({ url }), theirs.inject({ url })])
      const { date: _a, ...oursHeaders } = a.headers
      const { date: _b, ...theirHeaders } = b.headers
      t.same(oursHeaders, theirHeaders, url)
      t.equal(a.statusCode, b.statusCode)
    }
    const csp = String((await ours.inject({ url: '/ok' })).headers['content-security-policy'])
    t.equal(/upgrade-insecure-requests/.test(csp), upgradeInsecureRequests)
  })
}

t.test('the service answers carry the helmet headers on success, errors and unknown routes', async (t) => {
  const app = await buildTestApp(t)
  for (const url of ['/v1/test/items', '/v1/test/items/1', '/nowhere']) {
    const res = await app.inject({ url })
    t.match(res.headers, { 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'content-security-policy': /default-src 'self'/ }, url)
  }
})
