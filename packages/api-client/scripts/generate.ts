import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateAll } from './documents.js'

/**
 * Writes the three OpenAPI documents (openapi/<service>.json) and their types (src/generated/<service>.ts).
 * Both are committed; test/generated-files.test.ts fails when they fall behind the services.
 */
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')

for (const [path, content] of await generateAll()) {
  const target = join(packageDir, path)
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, content)
  console.log(`wrote ${path}`)
}
