import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'

/** A child process whose output lines are kept (and parsed when they are JSON, as pino and nginx write them). */
export interface Watched {
  readonly name: string
  readonly child: ChildProcess
  readonly lines: string[]
  readonly records: Record<string, unknown>[]
  readonly exited: Promise<number | null>
}

export interface WatchOptions {
  readonly cwd?: string
  readonly env: NodeJS.ProcessEnv
  /** A file descriptor for the child's stdout instead of a pipe (then only stderr is kept). */
  readonly stdout?: number
}

export function watch(name: string, command: string, args: string[], options: WatchOptions): Watched {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const records: Record<string, unknown>[] = []
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line)
      if (line.startsWith('{')) {
        try {
          records.push(JSON.parse(line) as Record<string, unknown>)
        } catch {
          // a line that only looks like JSON stays in `lines`
        }
      }
    })
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { name, child, lines, records, exited }
}

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. Resolves once it has exited. */
export async function stop(watched: Watched, graceMs = 5000): Promise<void> {
  if (watched.child.exitCode !== null || watched.child.signalCode !== null) return
  watched.child.kill('SIGTERM')
  const timer = setTimeout(() => watched.child.kill('SIGKILL'), graceMs)
  await watched.exited
  clearTimeout(timer)
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  await once(server, 'close')
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Polls `url` until it answers `status`, or fails with the child's last lines when it exits or time runs out. */
export async function waitForStatus(url: string, watched: Watched | undefined, status = 200, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (watched && (watched.child.exitCode !== null || watched.child.signalCode !== null)) break
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await response.body?.cancel()
      if (response.status === status) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = String(error)
    }
    await sleep(100)
  }
  const tail = watched ? `\n${watched.lines.slice(-20).join('\n')}` : ''
  throw new Error(`${url} did not answer ${status} (${last})${tail}`)
}
