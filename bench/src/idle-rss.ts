import { readFileSync } from 'node:fs'
import { REPO_ROOT } from '/work/main/bench/src/build-check.js'
import { createBenchDatabase, releaseDatabases } from '/work/main/bench/src/database.js'
import { cpuMicros, pidOf, startServer, stopAll } from '/work/main/bench/src/processes.js'
import { serverEnv } from '/work/main/bench/src/server-env.js'
import { consultantToken } from '/work/main/bench/src/tokens.js'
import { customerIdOf } from '/work/main/bench/src/database.js'
const teardowns: Array<() => unknown> = []
const database = await createBenchDatabase({ customers: 2000, consultants: 200 }, teardowns)
const rss = (pid: number) => Math.round(Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1]) / 1024)
try {
  for (const round of [1, 2]) { const name = 'consultants' as string
    const server = await startServer({ name, script: `${REPO_ROOT}apps/${name}/dist/server.js`, env: serverEnv(database) })
    const pid = pidOf(server)
    await new Promise((r) => setTimeout(r, 1500))
    const out: string[] = [`round ${round}: ready ${rss(pid)} MiB`]
    if (name === 'consultants') {
      const id = ((await (await fetch(`${server.url}/v1/consultants`)).json()) as { items: Array<{ id: number }> }).items[0]!.id
      await fetch(`${server.url}/v1/consultants/${id}`)
      out.push(`after one list + one profile ${rss(pid)} MiB`)
      const token = consultantToken({ consultantId: id, customerId: await customerIdOf(database, id) })
      const me = await fetch(`${server.url}/v1/consultants/me`, { headers: { authorization: `Bearer ${token}` } })
      out.push(`after one /me (${me.status}) ${rss(pid)} MiB`); const cpu0 = cpuMicros(pid); for (let i = 0; i < 500; i++) await fetch(`${server.url}/v1/consultants/me`, { headers: { authorization: `Bearer ${token}` } }); out.push(`500 more /me: ${Math.round((cpuMicros(pid) - cpu0) / 500)} µs CPU each, ${rss(pid)} MiB`)
    } else {
      await fetch(`${server.url}/v1/catalog/consultation-categories`)
      out.push(`after one list ${rss(pid)} MiB`)
    }
    console.log(out.join('; '))
    await stopAll()
  }
} finally {
  await stopAll()
  for (const teardown of teardowns.reverse()) await teardown()
  await releaseDatabases()
}
