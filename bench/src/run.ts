// `pnpm bench`: the built services against a raw-driver ceiling, side by side, on one freshly seeded database.
// Not a test: it prints numbers and exits non-zero only when something is broken (a build missing, a server that
// does not start, bodies that differ). Exit status: 0 measured, 1 broken, 2 usage error.
import { BUILD_COMMAND, checkBuild } from './build-check.js'
import { parseOptions, USAGE } from './options.js'
import { pinning, stopAll } from './processes.js'
import { log, machineLine } from './report.js'

/** Undo steps (drop databases); servers are stopped by stopAll first. */
const teardowns: Array<() => unknown> = []
/** Set once the database module is loaded: ends the connection that owns the databases. */
let releaseDatabases: (() => Promise<void>) | undefined
let cleaning: Promise<void> | undefined

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await stopAll().catch((error: unknown) => console.error(`bench: stopping servers failed: ${String(error)}`))
    for (const teardown of teardowns.reverse()) {
      try {
        await teardown()
      } catch (error) {
        console.error(`bench: cleanup step failed: ${String(error)}`)
      }
    }
    await releaseDatabases?.().catch(() => undefined)
  })()
  return cleaning
}

async function main(): Promise<number> {
  let options
  try {
    options = parseOptions(process.argv.slice(2))
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (options === 'help') {
    console.log(USAGE)
    return 0
  }

  const build = checkBuild()
  if (build.missing.length > 0) {
    console.error(`bench: the services are not built (missing ${build.missing.join(', ')}).\nBuild them first:\n  ${BUILD_COMMAND}`)
    return 1
  }
  if (build.stale.length > 0) {
    console.warn(`bench: warning: sources changed since the last build of ${build.stale.join(', ')}; the BUILT code is measured (rebuild: ${BUILD_COMMAND})`)
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}: stopping everything`)
      void cleanUp().finally(() => process.exit(130))
    })
  }
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after ${options.deadlineSec} s`)
    void cleanUp().finally(() => process.exit(1))
  }, options.deadlineSec * 1000)

  try {
    // Loaded once the build is known to be there, so a missing build gets the message above, not an import error.
    const { runScenarios } = await import('./scenarios.js')
    ;({ releaseDatabases } = await import('./database.js'))
    log(`${options.quick ? 'quick' : 'full'} run on ${machineLine()}`)
    log(
      pinning
        ? `servers pinned to core ${pinning.servers}, load generator to core ${pinning.load} (taskset); the database server is not pinned`
        : 'taskset or a second core missing: nothing is pinned, servers and load generator share the cores',
    )
    return await runScenarios(options, teardowns)
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    clearTimeout(deadline)
    await cleanUp()
  }
}

process.exitCode = await main()
