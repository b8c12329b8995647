// @ts-check
// The load generator, in its own process so the runner can pin it to another core than the servers. Takes one JSON
// argument, a plan: { connections, targets: [{ url, headers }], steps: [{ target, durationSec, measure }] }. Runs the
// steps in order with autocannon and, around each measured one, prints a JSON line when it starts and one with the
// result when it ends, so the runner can read the server's CPU time at exactly those moments.
import autocannon from 'autocannon'

/**
 * @typedef {{ url: string, headers?: Record<string, string> }} Target
 * @typedef {{ target: number, durationSec: number, measure: boolean }} Step
 * @type {{ connections: number, targets: Target[], steps: Step[] }}
 */
const plan = JSON.parse(process.argv[2] ?? '{}')

for (const [index, step] of plan.steps.entries()) {
  const target = plan.targets[step.target]
  if (!target) throw new Error(`step ${index} names no target`)
  if (step.measure) process.stdout.write(`${JSON.stringify({ event: 'start', step: index })}\n`)
  const result = await autocannon({
    url: target.url,
    connections: plan.connections,
    duration: step.durationSec,
    headers: target.headers ?? {},
  })
  if (!step.measure) continue
  process.stdout.write(
    `${JSON.stringify({
      event: 'end',
      step: index,
      requests: result.requests.total,
      durationSec: result.duration,
      failures: result.non2xx + result.errors + result.timeouts,
      p50: result.latency.p50,
      p99: result.latency.p99,
    })}\n`,
  )
}
