import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { documentPath, generateAll, REGENERATE_COMMAND, SERVICES, typesPath } from '../scripts/documents.js'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')

t.test('the committed documents and types are what the services generate now', async (t) => {
  const fresh = await generateAll()
  t.same(
    [...fresh.keys()].sort(),
    SERVICES.flatMap((service) => [documentPath(service), typesPath(service)]).sort(),
    'one document and one types file per service',
  )
  for (const [path, content] of fresh) {
    const committed = await readFile(join(packageDir, path), 'utf8').catch(() => undefined)
    if (committed === content) {
      t.pass(`${path} is current`)
      continue
    }
    const where = committed === undefined ? 'the file is missing' : firstDifference(committed, content)
    t.fail(`${path} is stale: run ${REGENERATE_COMMAND} and commit the result (${where})`)
  }
})

/** The first line that differs, so the failure says where to look. */
function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n')
  const b = fresh.split('\n')
  const line = a.findIndex((text, i) => text !== b[i])
  const at = line === -1 ? a.length : line
  return `line ${at + 1} is ${a[at]?.trim() ?? '<end>'} but the services give ${b[at]?.trim() ?? '<end>'}`
}
