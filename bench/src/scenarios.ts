import { fileURLToPath } from 'node:url'
import { compareBodies } from './bodies.js'
import { REPO_ROOT } from './build-check.js'
import { type BenchDatabase, createBenchDatabase, customerIdOf } from './database.js'
import { alternate, summarize, type Target } from './measure.js'
import type { BenchOptions } from './options.js'
import { pidOf, rssMiB, type Server, startServer, stopServer } from './processes.js'
import { log, ratio, type RouteRow, routeTable, summaryTable } from './report.js'
import { SERVICE_NODE_ARGS, serverEnv } from './server-env.js'
import { consultantToken } from './tokens.js'

const CEILING = fileURLToPath(new URL('./servers/ceiling.js', import.meta.url))
const UNGUARDED = fileURLToPath(new URL('./servers/unguarded-consultants.js', import.meta.url))
const service = (name: string) => `${REPO_ROOT}apps/${name}/dist/server.js`

/** A broken run: reported, and the exit status is 1. */
class Broken extends Error {}

export async function runScenarios(options: BenchOptions, teardowns: Array<() => unknown>): Promise<number> {
  const load = { connections: options.connections, durationSec: options.durationSec, rounds: options.rounds, warmUpSec: options.warmUpSec }
  const consultants = Math.floor(options.scale / 10)
  log(`seeding: scenarios + ${options.scale} customers and ${consultants} consultants (--scale ${options.scale}); scale check: ${options.scaleCheck.join(' and ')} consultants`)
  // Seeded side by side, before anything is measured; the scale check reuses the main database when it has the
  // number of consultants asked for.
  const mainDatabase = createBenchDatabase({ customers: options.scale, consultants }, teardowns)
  const [main, small, large] = await Promise.all([
    mainDatabase,
    createBenchDatabase({ customers: 0, consultants: options.scaleCheck[0] }, teardowns),
    options.scaleCheck[1] === consultants
      ? mainDatabase
      : createBenchDatabase({ customers: 0, consultants: options.scaleCheck[1] }, teardowns),
  ])
  const seeded = [...new Set([main, small, large])]
  log(`seeded ${seeded.map((db) => `${db.name} in ${db.seconds.toFixed(0)} s`).join(', ')}`)

  try {
    const [catalog, project, ceiling] = await Promise.all([
      startServer({ name: 'catalog', script: service('catalog'), nodeArgs: SERVICE_NODE_ARGS.catalog, env: serverEnv(main) }),
      startServer({ name: 'consultants', script: service('consultants'), nodeArgs: SERVICE_NODE_ARGS.consultants, env: serverEnv(main) }),
      startServer({ name: 'ceiling', script: CEILING, env: serverEnv(main) }),
    ])
    log(`started the catalog and consultants services and the ceiling`)
    const firstId = await firstConsultantId(project)
    const routes: Array<{ path: string; project: Server }> = [
      { path: '/v1/catalog/consultation-categories', project: catalog },
      { path: '/v1/consultants', project },
      { path: `/v1/consultants/${firstId}`, project },
    ]

    for (const route of routes) {
      const check = await compareBodies({ server: route.project, path: route.path }, { server: ceiling, path: route.path })
      if (!check.same) throw new Broken(`GET ${route.path}: project and ceiling disagree, so nothing is measured.\n${check.report}`)
      log(`GET ${route.path}: byte-identical bodies (${check.bytes} bytes)`)
    }

    const rows: RouteRow[] = []
    for (const route of routes) {
      log(`GET ${route.path}: ${options.rounds} × ${options.durationSec} s per side, alternating`)
      const [projectRounds, ceilingRounds] = await alternate(
        [{ server: route.project, path: route.path }, { server: ceiling, path: route.path }],
        load,
      )
      rows.push({
        route: route.path,
        project: summarize(projectRounds),
        ceiling: summarize(ceilingRounds),
        projectRssMiB: rssMiB(pidOf(route.project)),
        ceilingRssMiB: rssMiB(pidOf(ceiling)),
      })
    }
    await Promise.all([stopServer(catalog), stopServer(ceiling)])
    console.log(`\n${routeTable(rows)}\n`)

    await stopServer(project)
    await guardedRouteCheck(main, firstId, load)
    await scaleCheck(small, large, options, load)
    return 0
  } catch (error) {
    if (error instanceof Broken) {
      console.error(`bench: ${error.message}`)
      return 1
    }
    throw error
  }
}

async function firstConsultantId(server: Server): Promise<number> {
  const response = await fetch(`${server.url}/v1/consultants`, { signal: AbortSignal.timeout(30_000) })
  const body = (await response.json()) as { items?: Array<{ id: number }> }
  const id = body.items?.[0]?.id
  if (response.status !== 200 || id === undefined) throw new Broken(`GET /v1/consultants answered ${response.status} without consultants`)
  return id
}

/**
 * `GET /v1/consultants/me` with a valid token on the real service, against the same service built with an auth
 * plugin that trusts a fixed consultant: the same work without the guard. Both start fresh and get the same
 * warm-up, so neither carries the history of the routes measured before.
 */
async function guardedRouteCheck(database: BenchDatabase, consultantId: number, load: Parameters<typeof alternate>[1]) {
  const customerId = await customerIdOf(database, consultantId)
  const [guarded, unguarded] = await Promise.all([
    startServer({ name: 'consultants', script: service('consultants'), nodeArgs: SERVICE_NODE_ARGS.consultants, env: serverEnv(database) }),
    startServer({
      name: 'consultants without the guard',
      script: UNGUARDED,
      nodeArgs: SERVICE_NODE_ARGS.consultants,
      env: serverEnv(database, { BENCH_CONSULTANT_ID: String(consultantId), BENCH_CUSTOMER_ID: String(customerId) }),
    }),
  ])
  const sides: [Target, Target] = [
    { server: guarded, path: '/v1/consultants/me', headers: { authorization: `Bearer ${consultantToken({ customerId, consultantId })}` } },
    { server: unguarded, path: '/v1/consultants/me' },
  ]
  const check = await compareBodies(...sides)
  if (!check.same) throw new Broken(`GET /v1/consultants/me: guarded and unguarded disagree.\n${check.report}`)
  log(`guarded-route check, consultant ${consultantId}: byte-identical bodies (${check.bytes} bytes)`)
  const [guardedRounds, unguardedRounds] = await alternate(sides, load)
  await Promise.all([stopServer(guarded), stopServer(unguarded)])
  const [withGuard, withoutGuard] = [summarize(guardedRounds), summarize(unguardedRounds)]
  const extra = (withGuard.cpuMicrosPerRequest / withoutGuard.cpuMicrosPerRequest - 1) * 100
  console.log(
    `\n${summaryTable('`GET /v1/consultants/me`', [
      ['with a valid consultant token', withGuard],
      ['the same work unguarded', withoutGuard],
    ])}\n\nThe guard costs ${Number.isFinite(extra) ? extra.toFixed(1) : '–'}% CPU per request (goal: ≤ 5%).\n`,
  )
}

/**
 * The list's first page with the total cache off, on a small and a large database: in keyset pagination (the way
 * to page without a count, the goal's subject) and in offset pagination (page numbers and a total, counted on every
 * request), so the report shows what the count itself costs as the table grows.
 */
async function scaleCheck(small: BenchDatabase, large: BenchDatabase, options: BenchOptions, load: Parameters<typeof alternate>[1]) {
  const extra = { CONSULTANTS_TOTAL_CACHE_SECONDS: '0' }
  const [smallServer, largeServer] = await Promise.all([
    startServer({ name: `consultants on ${options.scaleCheck[0]}`, script: service('consultants'), nodeArgs: SERVICE_NODE_ARGS.consultants, env: serverEnv(small, extra) }),
    startServer({ name: `consultants on ${options.scaleCheck[1]}`, script: service('consultants'), nodeArgs: SERVICE_NODE_ARGS.consultants, env: serverEnv(large, extra) }),
  ])
  const paths = [
    ['/v1/consultants?pagination=keyset', 'keyset pagination (no count)'],
    ['/v1/consultants', 'offset pagination (a count on every request)'],
  ] as const
  for (const [path, what] of paths) {
    log(`scale check, ${what}: GET ${path} on ${options.scaleCheck[0]} and ${options.scaleCheck[1]} consultants`)
    const [smallRounds, largeRounds] = await alternate(
      [{ server: smallServer, path }, { server: largeServer, path }],
      load,
    )
    const [atSmall, atLarge] = [summarize(smallRounds), summarize(largeRounds)]
    console.log(
      `${summaryTable(`\`GET ${path}\`, CONSULTANTS_TOTAL_CACHE_SECONDS=0`, [
        [`${options.scaleCheck[0]} consultants`, atSmall],
        [`${options.scaleCheck[1]} consultants`, atLarge],
      ])}\n\n${what}: latency at ${options.scaleCheck[1]} over ${options.scaleCheck[0]} consultants: ` +
        `p50 ${ratio(atLarge.p50, atSmall.p50)}×, p99 ${ratio(atLarge.p99, atSmall.p99)}× (goal: ≤ 1.5×).\n`,
    )
  }
  await Promise.all([stopServer(smallServer), stopServer(largeServer)])
}
