// Runs `prisma generate` for the workspace schema. The Prisma CLI insists on downloading its schema-engine
// binary first, even though `generate` itself runs on WebAssembly; where the download host is unreachable we
// retry once with PRISMA_SCHEMA_ENGINE_BINARY naming an empty placeholder file, which is all `generate` checks.
import { spawnSync } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const prismaCli = createRequire(join(packageDir, 'package.json')).resolve('prisma/build/index.js')
const args = [prismaCli, 'generate', '--config', '../../prisma.config.ts', ...process.argv.slice(2)]
const downloadFailure = /binaries\.prisma\.sh|schema-engine|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|request to .+ failed/i

function run(env, captureOutput) {
  return spawnSync(process.execPath, args, {
    cwd: packageDir,
    env,
    stdio: captureOutput ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  })
}

if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.exit(run(process.env, false).status ?? 1)
}

const first = run(process.env, true)
const output = `${first.stdout ?? ''}${first.stderr ?? ''}`
if (first.status === 0 || !downloadFailure.test(output)) {
  process.stdout.write(first.stdout ?? '')
  process.stderr.write(first.stderr ?? '')
  process.exit(first.status ?? 1)
}

const placeholder = join(tmpdir(), 'prisma-schema-engine-placeholder')
closeSync(openSync(placeholder, 'a'))
console.log(`db:generate: schema-engine download failed (offline?); retrying with PRISMA_SCHEMA_ENGINE_BINARY=${placeholder}`)
process.exit(run({ ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: placeholder }, false).status ?? 1)
