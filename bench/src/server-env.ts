import type { BenchDatabase } from './database.js'
import { BENCH_ISSUER, BENCH_PUBLIC_KEY_PEM } from './tokens.js'

/**
 * The V8 flags each service's image starts it with (the `CMD` of its Dockerfile); the unguarded twin is the
 * consultants service. The ceiling runs with Node's defaults.
 */
export const SERVICE_NODE_ARGS = {
  catalog: ['--max-semi-space-size=4'],
  consultants: [],
} as const satisfies Record<string, readonly string[]>

/** The environment each service's image sets besides its ports (the `ENV` of its Dockerfile). */
export const SERVICE_IMAGE_ENV = { MALLOC_ARENA_MAX: '2' } as const

/**
 * What every server under test is started with: the images' environment, production mode, quiet logs, a rate
 * limit that never triggers. The ceiling gets the same, so the allocator setting is not what separates them.
 */
export function serverEnv(database: BenchDatabase, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...SERVICE_IMAGE_ENV,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    RATE_LIMIT_MAX: '1000000000',
    AUTH_ISSUER: BENCH_ISSUER,
    AUTH_PUBLIC_KEY_PEM: BENCH_PUBLIC_KEY_PEM,
    ...extra,
  }
  for (const name of ['CONSULTANTS_TOTAL_CACHE_SECONDS', 'CONSULTANTS_PROFILE_CACHE_SECONDS', 'CONTENT_URL', 'PLATFORM_TIME_ZONE', 'DB_POOL_SIZE']) {
    if (process.env[name] !== undefined && env[name] === undefined) env[name] = process.env[name]
  }
  return env
}
