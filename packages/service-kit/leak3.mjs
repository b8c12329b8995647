import { createServer, request } from 'node:http'
import { buildService, loadConfig, ServiceConfigSchema } from '/work/wt/metrics/packages/service-kit/dist/index.js'
const config = loadConfig(ServiceConfigSchema, { PORT: '0', METRICS_PORT: '0', RATE_LIMIT_MAX: '100000000', NODE_ENV: 'production', LOG_LEVEL: 'warn' })
process.env.BENCH_METRICS = process.argv[2]
const app = await buildService({ name: 'bench', version: '0', config, logger: false, routesPrefix: '/v1/x', routes: async (app) => {
  app.get('/items/:id', async (request) => ({ id: request.params.id }))
} })
await app.listen({ host: '127.0.0.1', port: 0 })
const port = app.server.address().port
const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 4 })
const get = () => new Promise((resolve, reject) => { const req = request({ host: '127.0.0.1', port, path: '/v1/x/items/1', agent }, (res) => { res.resume(); res.on('end', resolve) }); req.on('error', reject); req.end() })
for (let r = 0; r < 3; r++) {
  for (let i = 0; i < 5000; i++) await get()
  global.gc()
  console.log('http', process.argv[2], r, (process.memoryUsage().heapUsed / 1e6).toFixed(1), 'MB')
}
await app.close(); agent.destroy()
