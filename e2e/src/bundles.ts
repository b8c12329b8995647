import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SERVICES = ['auth', 'consultants', 'catalog'] as const
export type ServiceName = (typeof SERVICES)[number]

/** Where a service's deploy bundle (`pnpm deploy --prod`, what its image ships) is made. */
export function bundleDir(service: ServiceName): string {
  return join(REPO_ROOT, 'e2e', '.bundles', service)
}

/**
 * Makes each service's deploy bundle afresh from its built output: the service, its workspace packages and its
 * production dependencies only, pruned like its Dockerfile does, so exactly what its image ships. Needs
 * `turbo run build` first.
 */
export function prepareBundles(log: (line: string) => void = console.log): void {
  for (const service of SERVICES) {
    const dir = bundleDir(service)
    if (!existsSync(join(REPO_ROOT, 'apps', service, 'dist', 'server.js'))) {
      throw new Error(`apps/${service} is not built; run: pnpm exec turbo run build --filter=@cp/${service}...`)
    }
    rmSync(dir, { recursive: true, force: true })
    const started = Date.now()
    const result = spawnSync('pnpm', ['--filter', `@cp/${service}`, 'deploy', '--prod', dir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
    if (result.status !== 0) throw new Error(`pnpm deploy of ${service} failed:\n${result.stdout}\n${result.stderr}`)
    // The same trimming as the Dockerfiles, so the tests run what the images ship.
    const pruned = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/docker/prune-deploy.mjs'), dir, '--prisma-provider', 'mysql'], {
      encoding: 'utf8',
    })
    if (pruned.status !== 0) throw new Error(`pruning the ${service} bundle failed:\n${pruned.stdout}\n${pruned.stderr}`)
    log(`e2e: bundled ${service} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}
