import { parseArgs } from 'node:util'

export const USAGE = `Usage: pnpm bench [-- --quick] [--scale <n>] [--rounds <n>] [--duration <s>] [--connections <n>]

Benchmarks the BUILT services (pnpm exec turbo run build --filter='./apps/*') against a raw-driver ceiling on a
fresh database it seeds and drops. Prints numbers; exits non-zero only when something is broken.
  --quick            a CI-sized run (under 3 minutes): smaller seed, 1 round of 3 s, scale check at n/100 vs n/10
  --scale <n>        volume seed: n customers and n/10 consultants (default 100000; 10000 with --quick)
  --rounds <n>       alternating rounds per route (default 3; 1 with --quick)
  --duration <s>     seconds per round (default 10; 3 with --quick)
  --connections <n>  concurrent connections of the load generator (default 32)
Environment: TEST_DATABASE_URL or DATABASE_URL names the database server (default mysql://root@127.0.0.1:3306);
CONSULTANTS_TOTAL_CACHE_SECONDS is handed to the consultants service and the ceiling (service default: 10).`

export interface BenchOptions {
  readonly quick: boolean
  readonly scale: number
  readonly rounds: number
  readonly durationSec: number
  readonly warmUpSec: number
  readonly connections: number
  /** Consultants in the two databases of the scale check (the list with CONSULTANTS_TOTAL_CACHE_SECONDS=0). */
  readonly scaleCheck: readonly [number, number]
  /** Gives up (stopping everything) when a run takes longer than this. */
  readonly deadlineSec: number
}

/** The options, 'help', or throws with a message on bad usage. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    // `pnpm bench -- --quick` hands the script a literal `--`.
    args: argv.filter((arg) => arg !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return 'help'
  const quick = values.quick ?? false
  const scale = wholeNumber('--scale', values.scale, quick ? 10_000 : 100_000, 10)
  return {
    quick,
    scale,
    rounds: wholeNumber('--rounds', values.rounds, quick ? 1 : 3, 1),
    durationSec: wholeNumber('--duration', values.duration, quick ? 3 : 10, 1),
    warmUpSec: quick ? 2 : 3,
    connections: wholeNumber('--connections', values.connections, 32, 1),
    // Quick: the main database (scale / 10 consultants) against a tenth of it.
    scaleCheck: quick ? [Math.max(1, Math.floor(scale / 100)), Math.floor(scale / 10)] : [1_000, 100_000],
    deadlineSec: quick ? 10 * 60 : 60 * 60,
  }
}

function wholeNumber(option: string, value: string | undefined, fallback: number, minimum: number): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < minimum) throw new Error(`${option} takes a whole number ≥ ${minimum}, got "${value}"`)
  return Number(value)
}
