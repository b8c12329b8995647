import { pathToFileURL } from 'node:url'

/** What a db command reads and writes; tests pass their own. */
export interface CliIo {
  env: Record<string, string | undefined>
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** The process's own environment and streams, a line per call. */
export function processIo(): CliIo {
  return {
    env: process.env,
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  }
}

/**
 * Runs a command when its module is the script node was started with (not when a test imports it), and turns
 * the exit code it returns, or an unexpected throw (`crashCode`), into the process's exit code.
 */
export function runIfMain(moduleUrl: string, command: string, run: () => Promise<number>, crashCode: number): void {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return
  run().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error)
      process.stderr.write(`${command}: unexpected failure: ${reason}\n`)
      process.exitCode = crashCode
    },
  )
}
