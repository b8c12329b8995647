import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { request as httpRequest } from 'node:http'
import { setImmediate } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { listenGated } from './helpers/test-app.js'

interface Answer {
  status: number
  body: string
}

/** A request on its own connection (no shared keep-alive pool), like a separate client. */
function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

t.test('close() lets a request in flight finish and refuses new connections', async (t) => {
  const { app, port, release, slowStarted } = await listenGated(t)

  const inFlight = get(port, '/v1/test/slow')
  await slowStarted
  const closed = app.close()
  // close() first runs the preClose hooks, then stops listening.
  while (app.server.listening) await setImmediate()

  await t.rejects(get(port, '/v1/test/items'), { code: 'ECONNREFUSED' }, 'no new connections once closing')
  release()
  const answer = await inFlight
  t.equal(answer.status, 200)
  t.same(JSON.parse(answer.body), { done: true })
  await closed
})

const fixture = fileURLToPath(new URL('./fixtures/slow-server.ts', import.meta.url))

interface Child {
  process: ChildProcess
  port: number
  lines: Array<Record<string, unknown>>
  waitFor(msg: string): Promise<void>
}

async function startChild(t: Test, env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', fixture], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  const lines: Array<Record<string, unknown>> = []
  const waiters: Array<{ msg: string; resolve: () => void }> = []
  let buffer = ''
  child.stdout?.setEncoding('utf8')
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk
    let newline: number
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>
      buffer = buffer.slice(newline + 1)
      lines.push(line)
      for (const waiter of waiters.filter((w) => w.msg === line.msg)) waiter.resolve()
    }
  })
  const waitFor = (msg: string) =>
    lines.some((l) => l.msg === msg) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ msg, resolve }))
  await waitFor('server started')
  const listening = lines.find((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at'))
  const port = Number(new URL(String(listening?.msg).replace('Server listening at ', '')).port)
  return { process: child, port, lines, waitFor }
}

t.test('runServer: SIGTERM drains the request in flight, then exits 0', async (t) => {
  const child = await startChild(t, { SLOW_MS: '300', SHUTDOWN_TIMEOUT_MS: '20000' })
  const answer = get(child.port, '/v1/slow')
  await child.waitFor('slow request started')
  // 'close', not 'exit': the child's last log lines may still be in the pipe when it exits.
  const exited = once(child.process, 'close')
  child.process.kill('SIGTERM')

  const response = await answer
  t.equal(response.status, 200)
  t.same(JSON.parse(response.body), { done: true })
  const [code] = await exited
  t.equal(code, 0)
  const messages = child.lines.map((l) => l.msg)
  t.ok(messages.includes('stop signal received, shutting down'))
  // The answer above arrived before the exit; Fastify logs 'request completed' from a response hook, which
  // may run after the close callback, so only the presence of both lines is certain, not their order.
  t.ok(messages.includes('request completed'), 'the request in flight was completed')
  t.ok(messages.includes('server stopped'))
})

t.test('runServer: a request that never ends cannot hold the process past the timeout', async (t) => {
  const child = await startChild(t, { SHUTDOWN_TIMEOUT_MS: '300' })
  get(child.port, '/v1/stuck').catch(() => undefined)
  await child.waitFor('slow request started')
  // 'close', not 'exit': the child's last log lines may still be in the pipe when it exits.
  const exited = once(child.process, 'close')
  child.process.kill('SIGTERM')
  const [code] = await exited
  t.equal(code, 1)
  t.ok(child.lines.some((l) => l.msg === 'shutdown timed out, exiting anyway'))
})

t.test('runServer: a stop signal while the app is still being built exits 0 at once (PID 1 has no default action)', async (t) => {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', fixture], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', BUILD_DELAY_MS: '20000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  while (!stdout.includes('"building"')) await once(child.stdout, 'data')
  const exited = once(child, 'close')
  const signalledAt = Date.now()
  child.kill('SIGTERM')
  const [code, signal] = await exited
  t.equal(signal, null, 'the process handled the signal instead of being killed by it')
  t.equal(code, 0)
  t.ok(Date.now() - signalledAt < 10_000, 'without waiting for the build to finish')
  t.match(stderr, /SIGTERM received during start-up: exiting/)
  t.notMatch(stdout, /server started/)
})
