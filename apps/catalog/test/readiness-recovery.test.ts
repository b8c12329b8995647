import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { createTestDatabase, testServerUrl } from '@cp/db/testing'
import t from 'tap'
import { buildCatalogApp } from '../src/app.js'
import { loadCatalogConfig } from '../src/config.js'

/** A TCP relay to the database server that the test can cut and restore on the same port. */
function createRelay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>()
  let server: Server | undefined
  const start = (port: number) =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => socket.destroy())
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as AddressInfo).port))
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server ? server.close(() => resolve()) : resolve()
    })
  return { start, stop }
}

t.test('readiness follows the database: 503 while it is cut off, 200 again once it is back, without a restart', async (t) => {
  const database = await createTestDatabase(t)
  const target = new URL(testServerUrl())
  const relay = createRelay({ host: target.hostname, port: Number(target.port || 3306) })
  const port = await relay.start(0)
  t.teardown(relay.stop)

  const viaRelay = new URL(database.url)
  viaRelay.hostname = '127.0.0.1'
  viaRelay.port = String(port)
  const config = loadCatalogConfig({
    NODE_ENV: 'test',
    DATABASE_URL: viaRelay.toString(),
    DB_CONNECT_TIMEOUT_MS: '500',
    DB_ACQUIRE_TIMEOUT_MS: '500',
    DB_HEALTH_TIMEOUT_MS: '500',
    // Within its TTL an answer kept in process would still be served (200) while the database is cut off.
    CATALOG_ANSWER_CACHE_SECONDS: '0',
  })
  const app = await buildCatalogApp({ config, logger: false })
  t.teardown(() => app.close())
  await app.ready()

  t.equal((await app.inject({ url: '/health/ready' })).statusCode, 200, 'ready through the relay')
  t.equal((await app.inject({ url: '/v1/catalog/consultation-categories' })).statusCode, 200)

  await relay.stop()
  t.equal((await app.inject({ url: '/health/ready' })).statusCode, 503, 'not ready while the database is cut off')
  const during = await app.inject({ url: '/v1/catalog/consultation-categories' })
  t.equal(during.statusCode, 503, 'requests meanwhile are 503, not 500')

  await relay.start(port)
  let ready = 0
  for (let attempt = 0; attempt < 20 && ready !== 200; attempt += 1) {
    ready = (await app.inject({ url: '/health/ready' })).statusCode
    if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 250))
  }
  t.equal(ready, 200, 'ready again by itself')
  t.equal((await app.inject({ url: '/v1/catalog/consultation-categories' })).statusCode, 200, 'and serving')
})
