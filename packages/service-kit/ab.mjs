// A/B: the same trivial route over real HTTP (keep-alive, 4 sockets), in one process, with and without the metrics
// plugin; alternating rounds; CPU of the whole process (client included, the same for both) per request.
import { Agent, request } from 'node:http'
import { buildService, loadConfig, ServiceConfigSchema } from '/work/wt/metrics/packages/service-kit/dist/index.js'
const config = loadConfig(ServiceConfigSchema, { PORT: '0', METRICS_PORT: '0', RATE_LIMIT_MAX: '100000000', NODE_ENV: 'production', LOG_LEVEL: 'warn' })
async function start(metrics) {
  process.env.BENCH_METRICS = metrics
  const app = await buildService({ name: 'bench', version: '0', config, logger: false, routesPrefix: '/v1/x', routes: async (app) => {
    app.get('/items/:id', async (request) => ({ id: request.params.id }))
  } })
  await app.listen({ host: '127.0.0.1', port: 0 })
  return { app, port: app.server.address().port, agent: new Agent({ keepAlive: true, maxSockets: 8 }) }
}
const servers = { on: await start('on'), off: await start('off') }
const get = ({ port, agent }, i) => new Promise((resolve, reject) => { const req = request({ host: '127.0.0.1', port, path: `/v1/x/items/${i}`, agent }, (res) => { res.resume(); res.on('end', resolve) }); req.on('error', reject); req.end() })
const N = 4000
async function round(server) {
  const start = process.cpuUsage()
  for (let i = 0; i < N; i += 8) await Promise.all(Array.from({ length: 8 }, (_, k) => get(server, i + k)))
  const used = process.cpuUsage(start)
  return (used.user + used.system) / N
}
await round(servers.on); await round(servers.off)
const results = { on: [], off: [] }
for (let r = 0; r < 12; r++) for (const name of r % 2 ? ['on', 'off'] : ['off', 'on']) results[name].push(await round(servers[name]))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(JSON.stringify({ medianOn: median(results.on).toFixed(1), medianOff: median(results.off).toFixed(1), on: results.on.map((x) => x.toFixed(0)).join(' '), off: results.off.map((x) => x.toFixed(0)).join(' ') }))
for (const s of Object.values(servers)) { await s.app.close(); s.agent.destroy() }
