import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/** Where `taskset` exists and there are two cores or more: servers on core 0, the load generator on core 1. */
export const pinning = detectPinning()

function detectPinning(): { servers: string; load: string } | undefined {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' })
  } catch {
    return undefined
  }
  const cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim())
  return cores >= 2 ? { servers: '0', load: '1' } : undefined
}

/** `node args…` on the load generator's core, under `taskset -c` when pinning is possible. */
export function loadGeneratorCommand(args: readonly string[]): [string, string[]] {
  return pinning ? ['taskset', ['-c', pinning.load, process.execPath, ...args]] : [process.execPath, [...args]]
}

export interface Server {
  readonly name: string
  readonly url: string
  readonly child: ChildProcess
  /** The last lines it wrote, for the message when it fails. */
  readonly output: string[]
}

/** Everything started is stopped by `stopAll`, whatever happens; children are stopped newest first. */
const running: Server[] = []

export interface StartOptions {
  readonly name: string
  readonly script: string
  readonly env: NodeJS.ProcessEnv
  readonly readyPath?: string
  readonly nodeArgs?: readonly string[]
  readonly timeoutMs?: number
}

/**
 * Starts `node script` on a free port and waits until `readyPath` answers 2xx. Start-up (module loading, Prisma's
 * set-up) may use every core; once ready, all the server's threads are pinned to the servers' core.
 */
export async function startServer(options: StartOptions): Promise<Server> {
  const port = await freePort()
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
    // METRICS_PORT 0: any free port, so runs side by side (CI, other checkouts) never fight over the default.
    env: { ...options.env, HOST: '127.0.0.1', PORT: String(port), METRICS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8')
    stream?.on('data', (chunk: string) => {
      output.push(...chunk.split('\n').filter(Boolean))
      if (output.length > 40) output.splice(0, output.length - 40)
    })
  }
  const server: Server = { name: options.name, url: `http://127.0.0.1:${port}`, child, output }
  running.push(server)
  await waitUntilReady(server, options.readyPath ?? '/health/ready', options.timeoutMs ?? 90_000)
  // Threads started later (libuv's pool) inherit the affinity of the thread that creates them.
  if (pinning) execFileSync('taskset', ['-a', '-p', '-c', pinning.servers, String(pidOf(server))], { stdio: 'ignore' })
  return server
}

async function waitUntilReady(server: Server, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${server.name} exited (${server.child.exitCode ?? server.child.signalCode}) before it was ready:\n  ${server.output.slice(-15).join('\n  ')}`)
    }
    try {
      const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(2000) })
      await response.body?.cancel()
      if (response.ok) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = String(error)
    }
    await sleep(100)
  }
  throw new Error(`${server.name} was not ready within ${timeoutMs / 1000} s (${last}):\n  ${server.output.slice(-15).join('\n  ')}`)
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopServer(server: Server, graceMs = 5000): Promise<void> {
  const index = running.indexOf(server)
  if (index >= 0) running.splice(index, 1)
  const { child } = server
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

export async function stopAll(): Promise<void> {
  for (const server of [...running].reverse()) await stopServer(server)
}

/** A port that was free a moment ago on 127.0.0.1. */
async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  await once(probe, 'close')
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

/** User plus system CPU time the process has used so far, in microseconds (/proc/<pid>/stat, all its threads). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces and parentheses; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime: fields 14 and 15 of the whole line
  return (ticks * 1e6) / CLOCK_TICKS_PER_SECOND
}

/** Resident set size in MiB (/proc/<pid>/status VmRSS). */
export function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) / 1024 : Number.NaN
}

export function pidOf(server: Server): number {
  if (server.child.pid === undefined) throw new Error(`${server.name} has no pid`)
  return server.child.pid
}
