import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/** The task ids turbo would run for one `pnpm exec turbo run …` line, asked with --dry=json (nothing runs). */
function plannedTasks(turboArgs: string[]) {
  const child = spawn('pnpm', ['exec', 'turbo', ...turboArgs, '--dry=json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  return new Promise<string[]>((resolve, reject) =>
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`turbo ${turboArgs.join(' ')} exited ${code}`))
      resolve((JSON.parse(stdout) as { tasks: Array<{ taskId: string }> }).tasks.map((task) => task.taskId))
    }),
  )
}

t.test('npm run up generates the Prisma client once: only its build step plans db:generate', async (t) => {
  const script = await readFile(`${repoRoot}scripts/up.sh`, 'utf8')
  const turboLines = [...script.matchAll(/^(?:exec )?pnpm exec turbo (run [^\n]+)$/gm)].map((match) =>
    (match[1] ?? '').split(' ').map((arg) => arg.replace(/^--filter='(.*)'$/, '--filter=$1')),
  )
  t.ok(turboLines.length >= 2, 'up.sh builds and starts through turbo')
  let generations = 0
  for (const args of turboLines) {
    const tasks = await plannedTasks(args)
    t.ok(tasks.length > 0, `turbo ${args.join(' ')} plans tasks`)
    if (tasks.some((task) => task.endsWith('#db:generate'))) generations += 1
  }
  t.equal(generations, 1, 'one turbo invocation generates the client')
})
