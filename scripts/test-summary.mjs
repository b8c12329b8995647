// Adds up the `# { total: N, pass: N, fail: N }` lines that tap prints per package and prints one line
// `N passed, N failed`, where a type error counts as a failure too. Exits non-zero when anything failed, when a
// turbo task failed without a test failing (a crash, a missing script), or when no test ran at all.
import { readFileSync } from 'node:fs'

const log = readFileSync(process.argv[2] ?? 0, 'utf8')
let passed = 0
let failed = 0
let runs = 0
for (const match of log.matchAll(/# \{ (total: \d+[^}]*)\}/g)) {
  runs += 1
  const counts = Object.fromEntries(
    match[1].split(',').map((pair) => pair.split(':').map((s) => s.trim())).map(([k, v]) => [k, Number(v)]),
  )
  passed += counts.pass ?? 0
  failed += counts.fail ?? 0
}
const typeErrors = (log.match(/error TS\d+:/g) ?? []).length
if (typeErrors > 0) console.log(`type errors: ${typeErrors} (counted as failures)`)
const failedTasks = log.match(/^\s*Failed:\s+(.+)$/m)?.[1]
if (failedTasks) console.log(`failed tasks: ${failedTasks.trim()}`)
failed += typeErrors
if (failed === 0 && failedTasks) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || runs === 0 ? 1 : 0)
