import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export const BUILD_COMMAND = "pnpm exec turbo run build --filter='./apps/*'"

/** The built files the run starts or imports; the bench builds nothing itself. */
const BUILT = [
  'apps/catalog/dist/server.js',
  'apps/consultants/dist/server.js',
  'apps/consultants/dist/routes/me.js',
  'packages/db/dist/index.js',
  'packages/db/dist/seed/index.js',
  'packages/domain/dist/index.js',
  'packages/service-kit/dist/index.js',
]

const SOURCES = ['apps/catalog', 'apps/consultants', 'packages/db', 'packages/domain', 'packages/service-kit']

/** What is missing (a reason to stop) and which packages' sources are newer than their build (a warning). */
export function checkBuild(): { missing: string[]; stale: string[] } {
  const missing = BUILT.filter((file) => !existsSync(join(REPO_ROOT, file)))
  const stale = SOURCES.filter((dir) => {
    const dist = join(REPO_ROOT, dir, 'dist')
    if (!existsSync(dist)) return false
    return newestMtime(join(REPO_ROOT, dir, 'src')) > newestMtime(dist)
  })
  return { missing, stale }
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // The generated Prisma client is rewritten by every `db:generate`; it is not a source change.
    if (entry.name === 'generated') continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}
