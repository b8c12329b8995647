import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const hooks = new URL('./fixtures/record-resolved-modules.mjs', import.meta.url).href

/** Every module URL a fresh Node process resolves while it imports `entry` (through tsx, from the sources). */
async function modulesLoadedBy(entry: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'cp-db-entry-'))
  const record = join(dir, 'modules.txt')
  try {
    const register = `import { register } from 'node:module'; register(${JSON.stringify(hooks)})`
    const child = spawn(
      process.execPath,
      [
        '--conditions=development',
        '--import',
        'tsx',
        '--import',
        `data:text/javascript,${encodeURIComponent(register)}`,
        '--input-type=module',
        '-e',
        `await import(${JSON.stringify(entry)})`,
      ],
      { cwd: packageDir, env: { ...process.env, RECORD_MODULES_TO: record }, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    if (code !== 0) throw new Error(`importing ${entry} exited ${code}: ${stderr}`)
    return (await readFile(record, 'utf8')).split('\n').filter(Boolean)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const tooling = (url: string) =>
  url.includes('@prisma/prisma-schema-wasm') || /\/src\/(drift|orphans|migrations|seed|cli|testing|tooling)\//.test(url)

t.test('importing @cp/db (what services load) loads none of the tooling', async (t) => {
  const loaded = await modulesLoadedBy('@cp/db')
  t.ok(loaded.some((url) => url.endsWith('/src/client.ts')), 'the recorder sees the runtime modules')
  t.same(loaded.filter(tooling), [], 'no drift check, schema wasm, applier, seed, CLI or test helpers')
})

t.test('the tooling entry does load them, so the check above can fail', async (t) => {
  const loaded = await modulesLoadedBy('@cp/db/tooling')
  t.ok(loaded.some((url) => url.includes('@prisma/prisma-schema-wasm')), 'the schema wasm')
  t.ok(loaded.some((url) => url.endsWith('/src/migrations/apply.ts')), 'the applier')
})
