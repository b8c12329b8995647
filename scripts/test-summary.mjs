// Adds up the `# { total: N, pass: N, fail: N }` lines that tap prints per package and prints one line
// `N passed, N failed`. Exits non-zero when a test failed or when no test ran at all.
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
const typecheckFailures = (log.match(/error TS\d+:/g) ?? []).length
if (typecheckFailures > 0) console.log(`type check errors: ${typecheckFailures}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || runs === 0 || typecheckFailures > 0 ? 1 : 0)
