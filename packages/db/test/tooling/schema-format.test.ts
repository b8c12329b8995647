import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const script = fileURLToPath(new URL('../../scripts/format-check.mjs', import.meta.url))
const schemaPath = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url))

function formatCheck(schema?: string) {
  const child = spawn(process.execPath, [script, ...(schema ? [schema] : [])], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on('close', (code) => resolve({ code, output })))
}

t.test('prisma/schema.prisma is in `prisma format` layout', async (t) => {
  const result = await formatCheck()
  t.equal(result.code, 0, result.output)
})

t.test('the check fails on a schema whose columns are misaligned', async (t) => {
  const dir = t.testdir()
  const misaligned = `${dir}/schema.prisma`
  const schema = await readFile(schemaPath, 'utf8')
  // One attribute pushed out of its column is what a hand edit typically leaves behind.
  await writeFile(misaligned, schema.replace(/^( {2}customerId\s+)Int/m, '$1  Int'))
  const result = await formatCheck(misaligned)
  t.equal(result.code, 1, result.output)
  t.match(result.output, /unformatted/)
})
