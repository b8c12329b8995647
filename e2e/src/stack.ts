import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { seedScenarios } from '@cp/db/seed'
import { createTestDatabase } from '@cp/db/testing'
import { bundleDir, REPO_ROOT, SERVICES, type ServiceName } from './bundles.js'
import { type CodeRelay, startCodeRelay } from './code-relay.js'
import { freePort, stop, type Watched, waitForStatus, watch } from './processes.js'

export const ISSUER = 'http://e2e.test/v1/auth'

export interface Instance extends Watched {
  readonly service: ServiceName
  readonly port: number
  /** The instance's own address; tests use it only to compare with the proxy and to read health. */
  readonly directUrl: string
  /** The instance's metrics port (GET /metrics), which the proxy never routes. */
  readonly metricsUrl: string
}

export interface AccessLogEntry {
  requestId: string
  client: string
  method: string
  uri: string
  status: number
  upstream: string
  upstreamStatus: string
}

export interface Stack {
  readonly proxyUrl: string
  readonly databaseUrl: string
  readonly instances: readonly Instance[]
  readonly relay: CodeRelay
  readonly nginx: Watched
  instancesOf(service: ServiceName): Instance[]
  /**
   * The instances whose log has a completed request with this id. Fastify logs completion after the answer is
   * sent, so this waits (up to 5 s) until some instance has logged it.
   */
  servedBy(requestId: string): Promise<Instance[]>
  /** nginx's access log, one entry per request it answered. */
  accessLog(): AccessLogEntry[]
  stop(): Promise<void>
}

export interface StackOptions {
  readonly instancesPerService?: number
  /** Extra environment for every service process. */
  readonly env?: Record<string, string>
}

/** The part of a tap `Test` the stack needs. */
export interface StackHost {
  teardown(fn: () => unknown): void
}

function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (existsSync(candidate)) return candidate
  }
  throw new Error('nginx is not installed; on Debian: apt-get install -y nginx')
}

/**
 * The system as clients meet it: a fresh seeded database, N instances of each service started from its deploy
 * bundle (as the images ship it) in production mode, a code relay, and the real nginx with the repository's
 * nginx.conf in front. Everything is stopped, and the database dropped, at the host's teardown.
 */
export async function startStack(host: StackHost, options: StackOptions = {}): Promise<Stack> {
  const perService = options.instancesPerService ?? 2
  const cleanups: (() => unknown)[] = []
  const processes: Watched[] = []
  const stopAll = async () => {
    await Promise.all(processes.map((p) => stop(p)))
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
  host.teardown(stopAll)

  const database = await createTestDatabase({ teardown: (fn) => cleanups.push(fn) }, { connect: true })
  await seedScenarios(database.db.prisma)
  await database.db.disconnect()

  const relay = await startCodeRelay(randomBytes(48).toString('base64'))
  cleanups.push(() => relay.close())
  const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' })
  const proxyPort = await freePort()
  const proxyUrl = `http://127.0.0.1:${proxyPort}`

  const common: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    // Only nginx (which connects from 127.0.0.1) is believed; test clients connect from other loopback addresses.
    TRUST_PROXY: '127.0.0.1',
    RATE_LIMIT_MAX: '100000',
    CONTENT_URL: 'https://cdn.e2e.test/media',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...options.env,
  }
  const perServiceEnv: Record<ServiceName, NodeJS.ProcessEnv> = {
    auth: {
      AUTH_ISSUER: ISSUER,
      AUTH_SIGNING_KEY: String(signingKey),
      AUTH_OTP_PEPPER: randomBytes(48).toString('base64'),
      AUTH_CODE_SENDER: 'webhook',
      AUTH_WEBHOOK_URL: relay.url,
      AUTH_WEBHOOK_SECRET: relay.secret,
      // A rotated refresh token replayed later is reuse at once (no replay window), so the test needs no waiting.
      AUTH_REFRESH_GRACE_SECONDS: '0',
    },
    consultants: {
      AUTH_ISSUER: ISSUER,
      // Keys through the proxy: the internal URL of this deployment, never one taken from a token.
      AUTH_JWKS_URL: `${proxyUrl}/v1/auth/.well-known/jwks.json`,
    },
    catalog: {},
  }

  // Ports first, so the proxy knows every instance before any of them runs.
  // Each instance its own metrics port too: two instances of a service on one host cannot share the default.
  const planned: { service: ServiceName; name: string; port: number; metricsPort: number }[] = []
  for (const service of SERVICES) {
    for (let index = 1; index <= perService; index++) {
      planned.push({ service, name: `${service}-${index}`, port: await freePort(), metricsPort: await freePort() })
    }
  }

  // nginx.conf is copied unchanged; render-upstreams.sh writes the port and the instances beside it.
  const confDir = mkdtempSync(join(tmpdir(), 'cp-e2e-nginx-'))
  cleanups.push(() => rmSync(confDir, { recursive: true, force: true }))
  copyFileSync(join(REPO_ROOT, 'deploy/nginx/nginx.conf'), join(confDir, 'nginx.conf'))
  const upstreamList = (service: ServiceName) =>
    planned.filter((p) => p.service === service).map((p) => `127.0.0.1:${p.port}`).join(' ')
  const render = watch('render-upstreams', 'sh', [join(REPO_ROOT, 'deploy/nginx/render-upstreams.sh'), confDir], {
    env: {
      PATH: process.env.PATH,
      PROXY_PORT: String(proxyPort),
      AUTH_UPSTREAMS: upstreamList('auth'),
      CONSULTANTS_UPSTREAMS: upstreamList('consultants'),
      CATALOG_UPSTREAMS: upstreamList('catalog'),
    },
  })
  if ((await render.exited) !== 0) throw new Error(`render-upstreams failed:\n${render.lines.join('\n')}`)

  // nginx writes its access log to stdout (as in a container); here stdout is a file, since nginx cannot open
  // /dev/stdout when it is the socket Node's pipes are made of.
  const accessLogPath = join(confDir, 'access.log')
  const accessLogFd = openSync(accessLogPath, 'a')
  const nginx = watch('nginx', nginxBinary(), ['-p', confDir, '-c', join(confDir, 'nginx.conf'), '-e', 'stderr', '-g', `daemon off; pid ${join(confDir, 'nginx.pid')};`], {
    env: { PATH: process.env.PATH },
    stdout: accessLogFd,
  })
  closeSync(accessLogFd)
  processes.push(nginx)
  await waitForStatus(`${proxyUrl}/docs`, nginx)

  const instances: Instance[] = []
  const startAll = async (services: readonly ServiceName[]) => {
    const started = planned
      .filter((p) => services.includes(p.service))
      .map(({ service, name, port, metricsPort }) => {
        const watched = watch(name, process.execPath, ['dist/server.js'], {
          cwd: bundleDir(service),
          env: { ...common, ...perServiceEnv[service], PORT: String(port), METRICS_PORT: String(metricsPort) },
        })
        processes.push(watched)
        const instance: Instance = {
          ...watched,
          service,
          port,
          directUrl: `http://127.0.0.1:${port}`,
          metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
        }
        instances.push(instance)
        return instance
      })
    await Promise.all(started.map((i) => waitForStatus(`${i.directUrl}/health/ready`, i)))
  }
  // Auth first, as compose orders it: consultants load its keys through the proxy as they start.
  await startAll(['auth'])
  await startAll(['consultants', 'catalog'])

  return {
    proxyUrl,
    databaseUrl: database.url,
    instances,
    relay,
    nginx,
    instancesOf: (service) => instances.filter((i) => i.service === service),
    servedBy: async (requestId) => {
      const served = () => instances.filter((i) => i.records.some((r) => r.requestId === requestId && r.msg === 'request completed'))
      const deadline = Date.now() + 5000
      while (served().length === 0 && Date.now() < deadline) await sleep(25)
      return served()
    },
    accessLog: () =>
      readFileSync(accessLogPath, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as AccessLogEntry),
    stop: stopAll,
  }
}
