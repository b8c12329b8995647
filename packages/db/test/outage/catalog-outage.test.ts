import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { freePort, relayedTestDatabase } from './relay.js'

const catalogDir = fileURLToPath(new URL('../../../../apps/catalog/', import.meta.url))
const LIST = '/v1/catalog/consultation-categories'

interface Answer {
  phase: string
  status: number
  ms: number
  retryAfter: string | null
  contentType: string | null
  code?: unknown
}

/** The catalog service as its own process, on the database behind the relay, with the documented defaults but the answer cache off. */
async function startCatalog(t: Test, databaseUrl: string): Promise<string> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/server.ts'], {
    cwd: catalogDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'fatal',
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_MAX: '100000',
      // The outage itself is the subject: the in-process answer cache would answer the list from memory for its TTL.
      CATALOG_ANSWER_CACHE_SECONDS: '0',
      // Any free port: a fixed default could be taken by another test's service.
      METRICS_PORT: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  t.teardown(async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  })
  const base = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const ready = await fetch(`${base}/health/ready`).then((response) => response.status, () => 0)
    if (ready === 200) return base
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the catalog did not become ready within 20 s')
}

/** One request; the client gives up after 30 s, far beyond any bound the service documents. */
async function ask(base: string, phase: string): Promise<Answer> {
  const started = performance.now()
  try {
    const response = await fetch(`${base}${LIST}`, { signal: AbortSignal.timeout(30000) })
    const body = (await response.json().catch(() => undefined)) as { code?: unknown } | undefined
    return {
      phase,
      status: response.status,
      ms: performance.now() - started,
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
      code: body?.code,
    }
  } catch {
    return { phase, status: 0, ms: performance.now() - started, retryAfter: null, contentType: null }
  }
}

/** A bounded stream: `count` requests, one every `everyMs`, each awaited in the background. */
async function stream(base: string, phase: string, count: number, everyMs = 100): Promise<Answer[]> {
  const pending: Array<Promise<Answer>> = []
  for (let i = 0; i < count; i += 1) {
    pending.push(ask(base, phase))
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  return Promise.all(pending)
}

function assertUnavailable(t: Test, answers: Answer[], boundMs: number) {
  for (const answer of answers) {
    t.equal(answer.status, 503, `${answer.phase}: 503 (${Math.round(answer.ms)} ms)`)
    t.ok(answer.ms < boundMs, `${answer.phase}: answered within ${boundMs} ms (${Math.round(answer.ms)} ms)`)
    t.match(answer, { retryAfter: /^\d+$/, contentType: /^application\/problem\+json/, code: 'COMMON_UNAVAILABLE' })
  }
}

async function recovered(base: string): Promise<Answer[]> {
  const answers: Answer[] = []
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const answer = await ask(base, 'recovery')
    answers.push(answer)
    if (answer.status === 200) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return answers
}

t.test('the catalog answers 503 + Retry-After within about a second while the database is killed or frozen, and recovers by itself', async (t) => {
  const { relay, url: viaRelay } = await relayedTestDatabase(t)
  const base = await startCatalog(t, viaRelay)

  const healthy = await stream(base, 'healthy', 10)
  t.same(healthy.map((answer) => answer.status), healthy.map(() => 200), 'serves through the relay')

  // Killed: the service knows at once (the probe's connection drops), so nothing waits for the pool.
  await relay.kill()
  // 1.5 s rather than 1 s: the whole suite runs beside this test on two cores; measured alone, 2-30 ms.
  const killed = await stream(base, 'killed', 30)
  assertUnavailable(t, killed, 1500)
  await relay.restart()
  const afterKill = await recovered(base)
  t.equal(afterKill.at(-1)?.status, 200, `serving again ${afterKill.length} requests after the relay came back`)
  t.ok(afterKill.every((answer) => answer.status === 200 || answer.status === 503), 'only 503s until then')

  // Frozen: open sockets that never answer. Requests in flight when it froze end when the probe times out
  // (1 s after at most one 500 ms interval); from then on the answer is immediate.
  relay.freeze()
  t.teardown(relay.thaw)
  const frozen = await stream(base, 'frozen', 40)
  const firstSecond = frozen.slice(0, 10)
  const after = frozen.slice(20)
  for (const answer of firstSecond) t.ok(answer.status === 503 && answer.ms < 3000, `first second: 503 within 3 s (${Math.round(answer.ms)} ms)`)
  assertUnavailable(t, after, 1500)
  relay.thaw()
  const afterFreeze = await recovered(base)
  t.equal(afterFreeze.at(-1)?.status, 200, `serving again ${afterFreeze.length} requests after the relay resumed`)

  const all = [...healthy, ...killed, ...frozen, ...afterKill, ...afterFreeze]
  for (const phase of ['healthy', 'killed', 'frozen', 'recovery']) {
    const times = all.filter((answer) => answer.phase === phase).map((answer) => answer.ms).sort((a, b) => a - b)
    if (times.length) t.comment(`${phase}: ${times.length} answers, median ${Math.round(times[times.length >> 1] ?? 0)} ms, max ${Math.round(times.at(-1) ?? 0)} ms`)
  }
  t.notOk(all.some((answer) => answer.status === 0 || answer.status >= 500 && answer.status !== 503), 'never a 500 or a hang')
  t.ok(Math.max(...all.map((answer) => answer.ms)) < 3000, 'no request outlived 3 s')
})
