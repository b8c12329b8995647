// `pnpm --filter @cp/db format:check`: fails when prisma/schema.prisma is not in `prisma format` layout.
// `prisma format` runs on WebAssembly but the CLI still wants a schema-engine binary to exist; where none was
// downloaded (offline machines), any existing file will do, so a placeholder is named for it.
import { spawnSync } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const prismaCli = createRequire(join(packageDir, 'package.json')).resolve('prisma/build/index.js')
const env = { ...process.env }
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = join(tmpdir(), 'prisma-schema-engine-placeholder')
  closeSync(openSync(placeholder, 'a'))
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder
}
const schema = process.argv[2] ?? '../../prisma/schema.prisma'
const result = spawnSync(process.execPath, [prismaCli, 'format', '--check', '--schema', schema], {
  cwd: packageDir,
  env,
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
