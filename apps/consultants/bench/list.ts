// Benchmark of GET /v1/consultants (not a test): volume-seeds a scratch database, starts the service from
// src/server.ts in its own process, and fires requests at the list with a few filter combinations, printing
// requests per second and latency percentiles. The scratch database is dropped at the end unless --keep.
//
//   pnpm bench                              # --scale 100000: 100k customers, 10k consultants
//   pnpm bench -- --scale 20000 --requests 500 --connections 8
//
// Reads TEST_DATABASE_URL or DATABASE_URL for the server (the database part is ignored); 127.0.0.1:3306 otherwise.
import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createTestDatabase } from '@cp/db/testing'
import { seedScenarios, seedVolume } from '@cp/db/seed'

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    scale: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '16' },
    keep: { type: 'boolean', default: false },
  },
})
const scale = positiveInteger('scale', args.scale)
const requests = positiveInteger('requests', args.requests)
const connections = positiveInteger('connections', args.connections)

function positiveInteger(name: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer, got ${value}`)
  return number
}

const cleanups: Array<() => unknown> = []
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup()
}

try {
  await main()
} finally {
  await cleanUp()
}

async function main() {
  const started = performance.now()
  const database = await createTestDatabase(
    { teardown: (fn) => (args.keep ? undefined : cleanups.push(fn)) },
    { connect: true },
  )
  await seedScenarios(database.db.prisma)
  const volume = await seedVolume(database.url, { customers: scale, consultants: Math.floor(scale / 10) })
  await database.db.prisma.$queryRawUnsafe(
    'ANALYZE TABLE consultants, customers, consultations_orders, consultant_contract, consultant_licenses',
  )
  const categories = await database.db.prisma.consultationCategory.findMany({ select: { categoryId: true }, take: 1 })
  await database.db.disconnect()
  console.log(
    `database ${database.name}: ${volume.customers.created} customers and ${volume.consultants.created} consultants ` +
      `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s${args.keep ? ' (kept)' : ''}`,
  )

  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  await startServer(database.url, port)
  const categoryId = categories[0]?.categoryId ?? 1

  const scenarios: Array<[string, string]> = [
    ['default list, page 1', '/v1/consultants'],
    ['page 50 of 20', '/v1/consultants?page=50'],
    ['category, by rating', `/v1/consultants?categoryId=${categoryId}&sort=rating`],
    ['online now, cheapest first', '/v1/consultants?online=true&sort=price'],
    ['text search "law"', '/v1/consultants?q=law'],
    ['100 per page, dearest first', '/v1/consultants?pageSize=100&sort=price_desc'],
  ]
  console.log(`\n${requests} requests per case, ${connections} concurrent, after 100 warm-up requests\n`)
  console.log(`${'case'.padEnd(30)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p90 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}  total`)
  for (const [name, path] of scenarios) {
    await fire(`${base}${path}`, 100, connections)
    const result = await fire(`${base}${path}`, requests, connections)
    const [p50, p90, p99, max] = [0.5, 0.9, 0.99, 1].map((q) => percentile(result.latencies, q).toFixed(1).padStart(8))
    console.log(
      `${name.padEnd(30)} ${result.perSecond.toFixed(0).padStart(8)} ${p50} ${p90} ${p99} ${max}  ${result.total}` +
        (result.failures > 0 ? `  (${result.failures} not 200!)` : ''),
    )
  }
}

async function startServer(databaseUrl: string, port: number): Promise<void> {
  const appDir = join(dirname(fileURLToPath(import.meta.url)), '..')
  // The public routes need no token, but the service refuses to start without a key to verify them with.
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const server = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/server.ts'], {
    cwd: appDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '100000000',
      AUTH_ISSUER: 'https://bench.invalid/v1/auth',
      AUTH_PUBLIC_KEY_PEM: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  })
  cleanups.push(async () => {
    if (server.exitCode !== null) return
    server.kill('SIGTERM')
    await once(server, 'exit')
  })
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`)
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((res) => res.ok, () => false)
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the server did not become ready within 30 s')
}

async function fire(url: string, total: number, concurrency: number) {
  const latencies: number[] = []
  let next = 0
  let failures = 0
  const started = performance.now()
  async function worker() {
    while (next < total) {
      next += 1
      const sent = performance.now()
      const res = await fetch(url, { headers: { 'accept-language': 'ar' } })
      await res.arrayBuffer()
      latencies.push(performance.now() - sent)
      if (res.status !== 200) failures += 1
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - started) / 1000
  const body = (await (await fetch(url)).json()) as { total: number }
  return { latencies, failures, perSecond: total / seconds, total: body.total }
}

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
}

async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}
