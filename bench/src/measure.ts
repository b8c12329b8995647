import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { cpuMicros, loadGeneratorCommand, pidOf, type Server } from './processes.js'

const LOAD_SCRIPT = fileURLToPath(new URL('./load.js', import.meta.url))

export interface LoadOptions {
  readonly connections: number
  readonly durationSec: number
}

/** One server and the request sent to it. */
export interface Target {
  readonly server: Server
  readonly path: string
  readonly headers?: Record<string, string>
}

/** What one autocannon run against one server measured. */
export interface Round {
  readonly requests: number
  readonly durationSec: number
  /** Answers other than 2xx, plus connection errors and timeouts: a round with many is not a clean number. */
  readonly failures: number
  readonly p50: number
  readonly p99: number
  /** CPU the server process used during the round (user + system, all threads). */
  readonly cpuMicros: number
  /** When the round started and ended, in µs of the monotonic clock (the one V8's CPU profiles use). */
  readonly window: readonly [number, number]
}

interface LoadEvent {
  event: 'start' | 'end'
  step: number
  requests: number
  durationSec: number
  failures: number
  p50: number
  p99: number
}

interface Step {
  readonly target: number
  readonly durationSec: number
  readonly measure: boolean
}

/**
 * Alternating rounds (a, b, a, b, ...) after a warm-up of each side, so that a change in the machine's load hits
 * both sides alike.
 */
export async function alternate(
  sides: readonly [Target, Target],
  options: LoadOptions & { readonly rounds: number; readonly warmUpSec: number },
): Promise<[Round[], Round[]]> {
  const steps: Step[] = [0, 1].map((target) => ({ target, durationSec: options.warmUpSec, measure: false }))
  for (let round = 0; round < options.rounds; round += 1) {
    for (const target of [0, 1]) steps.push({ target, durationSec: options.durationSec, measure: true })
  }
  const rounds = await runPlan(sides, steps, options.connections)
  return [rounds[0] ?? [], rounds[1] ?? []]
}

/** A warm-up, then one measured round against one target. */
export async function loadOnce(target: Target, options: LoadOptions & { readonly warmUpSec: number }): Promise<Round> {
  const steps = [
    { target: 0, durationSec: options.warmUpSec, measure: false },
    { target: 0, durationSec: options.durationSec, measure: true },
  ]
  const [round] = (await runPlan([target], steps, options.connections))[0] ?? []
  if (!round) throw new Error('the load generator reported no round')
  return round
}

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n)

/**
 * One load-generator process (pinned to the load core) runs all the steps; the servers' CPU time is read when it
 * announces the start and the end of each measured step. Returns the measured rounds of each target.
 */
async function runPlan(targets: readonly Target[], steps: readonly Step[], connections: number): Promise<Round[][]> {
  const plan = {
    connections,
    targets: targets.map(({ server, path, headers }) => ({ url: `${server.url}${path}`, headers })),
    steps,
  }
  const pids = targets.map(({ server }) => pidOf(server))
  const results: Round[][] = targets.map(() => [])
  const started = new Map<number, { cpu: number; at: number }>()

  const [command, args] = loadGeneratorCommand([LOAD_SCRIPT, JSON.stringify(plan)])
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as LoadEvent
    const target = steps[event.step]?.target ?? 0
    const pid = pids[target] ?? 0
    if (event.event === 'start') {
      started.set(event.step, { cpu: cpuMicros(pid), at: monotonicMicros() })
      return
    }
    const start = started.get(event.step) ?? { cpu: Number.NaN, at: Number.NaN }
    results[target]?.push({
      requests: event.requests,
      durationSec: event.durationSec,
      failures: event.failures,
      p50: event.p50,
      p99: event.p99,
      cpuMicros: cpuMicros(pid) - start.cpu,
      window: [start.at, monotonicMicros()],
    })
  })
  // autocannon stops by itself; this only catches a load generator that hangs.
  const plannedSec = steps.reduce((total, step) => total + step.durationSec, 0)
  const killer = setTimeout(() => child.kill('SIGKILL'), (plannedSec + 60) * 1000)
  // 'close' comes after the last line of output has been read, unlike 'exit'.
  const [code] = (await once(child, 'close')) as [number | null]
  clearTimeout(killer)
  if (code !== 0) throw new Error(`the load generator failed (exit ${code}): ${stderr.trim().slice(-500)}`)
  return results
}

/** Rounds of one server on one route, summed: req/s over all rounds, median p50 and p99, CPU per answered request. */
export interface Summary {
  readonly rounds: number
  readonly requestsPerSec: number
  readonly p50: number
  readonly p99: number
  readonly cpuMicrosPerRequest: number
  readonly failures: number
}

export function summarize(rounds: readonly Round[]): Summary {
  const requests = sum(rounds.map((round) => round.requests))
  return {
    rounds: rounds.length,
    requestsPerSec: requests / sum(rounds.map((round) => round.durationSec)),
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    cpuMicrosPerRequest: requests > 0 ? sum(rounds.map((round) => round.cpuMicros)) / requests : Number.NaN,
    failures: sum(rounds.map((round) => round.failures)),
  }
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
