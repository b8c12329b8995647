import { execFileSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import type { Summary } from './measure.js'

export interface RouteRow {
  readonly route: string
  readonly project: Summary
  readonly ceiling: Summary
  readonly projectRssMiB: number
  readonly ceilingRssMiB: number
}

const started = performance.now()

/** A progress line, with the seconds since the run started. */
export function log(message: string): void {
  console.log(`bench [${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`)
}

const n0 = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–')
const n1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) && a > 0 ? (a / b).toFixed(2) : '–')
// Without a single answer autocannon reports 0 ms; there is no latency to show then.
const latency = (summary: Summary) => (summary.requestsPerSec > 0 ? `${n1(summary.p50)} / ${n1(summary.p99)}` : '–')

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'))
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

export function routeTable(rows: readonly RouteRow[]): string {
  return table(
    [
      'route',
      'project req/s',
      'ceiling req/s',
      'ratio',
      'p50 / p99 ms, project',
      'p50 / p99 ms, ceiling',
      'CPU µs/req, project / ceiling',
      'RSS MiB after load, project / ceiling',
    ],
    rows.map((row) => [
      `\`GET ${row.route}\`${failureMark(row.project, row.ceiling)}`,
      n0(row.project.requestsPerSec),
      n0(row.ceiling.requestsPerSec),
      ratio(row.project.requestsPerSec, row.ceiling.requestsPerSec),
      latency(row.project),
      latency(row.ceiling),
      `${n0(row.project.cpuMicrosPerRequest)} / ${n0(row.ceiling.cpuMicrosPerRequest)} (${ratio(row.project.cpuMicrosPerRequest, row.ceiling.cpuMicrosPerRequest)}×)`,
      `${n0(row.projectRssMiB)} / ${n0(row.ceilingRssMiB)}`,
    ]),
  )
}

/** One row per labelled summary: for the guarded-route and scale checks. */
export function summaryTable(firstColumn: string, rows: ReadonlyArray<readonly [string, Summary]>): string {
  return table(
    [firstColumn, 'req/s', 'p50 / p99 ms', 'CPU µs/req'],
    rows.map(([label, summary]) => [
      `${label}${failureMark(summary)}`,
      n0(summary.requestsPerSec),
      latency(summary),
      n0(summary.cpuMicrosPerRequest),
    ]),
  )
}

/** Marks a row whose rounds had answers other than 2xx or connection errors: its numbers are not clean. */
function failureMark(...summaries: Summary[]): string {
  const failures = summaries.reduce((total, summary) => total + summary.failures, 0)
  const silent = summaries.some((summary) => summary.requestsPerSec === 0)
  return `${failures > 0 ? ` (${failures} failed answers or timeouts!)` : ''}${silent ? ' (no answer within 10 s!)' : ''}`
}

/** The machine the numbers came from, and how busy it was when the run started. */
export function machineLine(): string {
  const [one, five] = loadavg()
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU'
  return `${nproc()} cores (${model}), Node ${process.version}, load average ${n1(one ?? Number.NaN)} / ${n1(five ?? Number.NaN)} (1 / 5 min)`
}

function nproc(): string {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim()
  } catch {
    return String(cpus().length)
  }
}
