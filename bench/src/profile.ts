// `pnpm --filter @cp/bench cpu-profile`: where the services' time goes. Each benchmarked route is served by a fresh
// built service under `node --cpu-prof`, loaded for a while, and its profile (the measured round only, without
// start-up and warm-up) summarised as self time by package and by function. Not a test; prints, keeps the
// .cpuprofile files (open them in Chrome DevTools) and says where.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { BUILD_COMMAND, checkBuild, REPO_ROOT } from './build-check.js'
import { summarizeProfile } from './cpu-profile.js'
import { createBenchDatabase, customerIdOf, releaseDatabases } from './database.js'
import { loadOnce } from './measure.js'
import { startServer, stopAll, stopServer } from './processes.js'
import { log } from './report.js'
import { SERVICE_NODE_ARGS, serverEnv } from './server-env.js'
import { consultantToken } from './tokens.js'

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    scale: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '15' },
    top: { type: 'string', default: '15' },
  },
})
const scale = Number(values.scale)
const durationSec = Number(values.duration)
const top = Number(values.top)

const teardowns: Array<() => unknown> = []
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1).padStart(5)}%`

async function main(): Promise<number> {
  const { missing } = checkBuild()
  if (missing.length > 0) {
    console.error(`profile: the services are not built (missing ${missing.join(', ')}); run ${BUILD_COMMAND}`)
    return 1
  }
  const database = await createBenchDatabase({ customers: scale, consultants: Math.floor(scale / 10) }, teardowns)
  log(`seeded ${database.name} (--scale ${scale}) in ${database.seconds.toFixed(0)} s`)
  const outDir = mkdtempSync(join(tmpdir(), 'cp-profiles-'))
  const env = serverEnv(database)
  const cases: Array<{ name: string; service: keyof typeof SERVICE_NODE_ARGS; path: (id: number) => string; token?: boolean }> = [
    { name: 'catalog-categories', service: 'catalog', path: () => '/v1/catalog/consultation-categories' },
    { name: 'consultants-list', service: 'consultants', path: () => '/v1/consultants' },
    { name: 'consultants-detail', service: 'consultants', path: (id) => `/v1/consultants/${id}` },
    { name: 'consultants-me', service: 'consultants', path: () => '/v1/consultants/me', token: true },
  ]
  let firstId: number | undefined
  for (const profileCase of cases) {
    const dir = join(outDir, profileCase.name)
    const server = await startServer({
      name: profileCase.service,
      script: `${REPO_ROOT}apps/${profileCase.service}/dist/server.js`,
      env,
      nodeArgs: [...SERVICE_NODE_ARGS[profileCase.service], '--cpu-prof', `--cpu-prof-dir=${dir}`],
    })
    if (profileCase.service === 'consultants') {
      firstId ??= ((await (await fetch(`${server.url}/v1/consultants`)).json()) as { items?: Array<{ id: number }> }).items?.[0]?.id
    }
    const id = firstId ?? 1
    const headers: Record<string, string> = profileCase.token
      ? { authorization: `Bearer ${consultantToken({ consultantId: id, customerId: await customerIdOf(database, id) })}` }
      : {}
    const round = await loadOnce({ server, path: profileCase.path(id), headers }, { connections: 32, durationSec, warmUpSec: 3 })
    // The profile is written when the process exits.
    await stopServer(server, 30_000)
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
    if (!file) throw new Error(`no profile written in ${dir}`)
    const summary = summarizeProfile(join(dir, file), round.window)
    const perRequest = summary.totalMicros / Math.max(1, round.requests)
    console.log(
      `\n## GET ${profileCase.path(id)}: ${round.requests} requests in ${round.durationSec} s, ` +
        `${perRequest.toFixed(0)} µs of sampled CPU per request (${join(dir, file)})\n`,
    )
    console.log('self time by package:')
    for (const entry of summary.packages.slice(0, top)) console.log(`  ${pct(entry.micros, summary.totalMicros)}  ${entry.name}`)
    console.log("self time by package, Node's own functions charged to the package that called them:")
    for (const entry of summary.packagesWithNodeCharged.slice(0, top)) console.log(`  ${pct(entry.micros, summary.totalMicros)}  ${entry.name}`)
    console.log('top functions by self time:')
    for (const entry of summary.functions.slice(0, top)) console.log(`  ${pct(entry.micros, summary.totalMicros)}  ${entry.name}`)
  }
  return 0
}

try {
  process.exitCode = await main()
} catch (error) {
  console.error(`profile: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  await stopAll()
  for (const teardown of teardowns.reverse()) await teardown()
  await releaseDatabases()
}
