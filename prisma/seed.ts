// `prisma db seed` entry (prisma.config.ts runs it with tsx under the development condition). The seed lives in
// packages/db next to the generated client it writes through; this file only hands over the command line.
import { runSeed } from '@cp/db/seed'

process.exitCode = await runSeed(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
})
