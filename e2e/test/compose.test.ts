// docker-compose.yml as a user meets it: accepted with the .env that scripts/dev-keys.sh writes and without any,
// the proxy the only public port (metrics on loopback), MySQL off the host's 3306, and nginx given the same config file as these
// tests. Validated by the real docker-compose (no engine needed).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { parse } from 'yaml'
import { REPO_ROOT } from '../src/bundles.js'

interface TeardownHost {
  teardown(fn: () => unknown): void
}

interface ComposeService {
  environment?: Record<string, string | null>
  ports?: ({ published: number | string; target: number; host_ip?: string } | string)[]
  volumes?: (string | { source: string; target: string })[]
  depends_on?: Record<string, { condition: string }>
  scale?: number
}

function composeConfig(t: TeardownHost, envFile: string | undefined): { status: number | null; stderr: string; services: Record<string, ComposeService> } {
  const project = mkdtempSync(join(tmpdir(), 'cp-compose-'))
  t.teardown(() => rmSync(project, { recursive: true, force: true }))
  // An empty file stands for "no .env", whatever the checkout holds.
  const envPath = join(project, '.env')
  writeFileSync(envPath, envFile ?? '')
  const result = spawnSync('docker-compose', ['-f', join(REPO_ROOT, 'docker-compose.yml'), '--env-file', envPath, 'config'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // Only what a user's shell would have; none of the variables the file reads.
    env: { PATH: process.env.PATH },
  })
  if (result.error) throw new Error(`docker-compose is not installed (on Debian: apt-get install -y docker-compose): ${result.error.message}`)
  const services = result.status === 0 ? (parse(result.stdout) as { services: Record<string, ComposeService> }).services : {}
  return { status: result.status, stderr: result.stderr, services }
}

function publishedPorts(service: ComposeService | undefined): string[] {
  return (service?.ports ?? []).map((p) => (typeof p === 'string' ? p : `${p.host_ip ?? ''}:${p.published}->${p.target}`))
}

t.test('without a .env the file is accepted and no secret has a default', async (t) => {
  const { status, stderr, services } = composeConfig(t, undefined)
  t.equal(status, 0, stderr)
  t.equal(services.auth?.environment?.AUTH_SIGNING_KEY ?? '', '', 'the auth service refuses to start without its key')
  t.equal(services.auth?.environment?.AUTH_OTP_PEPPER ?? '', '')
  t.equal(services.auth?.environment?.NODE_ENV, 'production')
})

t.test('with the .env that scripts/dev-keys.sh writes, its secrets reach the auth service', async (t) => {
  const generated = spawnSync('sh', [join(REPO_ROOT, 'scripts/dev-keys.sh')], { encoding: 'utf8' })
  t.equal(generated.status, 0, generated.stderr)
  const { status, stderr, services } = composeConfig(t, generated.stdout)
  t.equal(status, 0, stderr)
  t.match(services.auth?.environment?.AUTH_SIGNING_KEY, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----$/)
  t.ok((services.auth?.environment?.AUTH_OTP_PEPPER ?? '').length >= 32)
  t.match(services.consultants?.environment?.DATABASE_URL, /^mysql:\/\/consultation:[0-9a-f]{32}@mysql:3306\//, 'the generated password')
})

t.test('the proxy is the only public port, the metrics ports stay on loopback, MySQL off the host 3306', async (t) => {
  const { services } = composeConfig(t, undefined)
  t.same(publishedPorts(services.proxy), [':8080->8080'])
  t.same(publishedPorts(services.mysql), ['127.0.0.1:33306:3306/tcp'])
  t.same(publishedPorts(services.migrate), [])
  const metricsPorts = { auth: '9461', consultants: '9462', catalog: '9463' }
  for (const [name, port] of Object.entries(metricsPorts)) {
    // An empty host port: Docker picks one per instance (two instances run per service).
    t.same(publishedPorts(services[name]), [`127.0.0.1::${port}/tcp`], `${name}'s API is reached through the proxy only`)
    t.equal(services[name]?.environment?.METRICS_PORT, port, `${name} serves its metrics on the published port`)
  }
})

t.test('the services wait for what they need, and run as two instances behind the proxy', async (t) => {
  const { services } = composeConfig(t, undefined)
  t.equal(services.consultants?.depends_on?.auth?.condition, 'service_healthy', 'consultants needs the auth keys')
  for (const name of ['auth', 'consultants', 'catalog']) {
    t.equal(services[name]?.depends_on?.migrate?.condition, 'service_completed_successfully', `${name} after the migrations`)
    t.equal(services.proxy?.depends_on?.[name]?.condition, 'service_healthy', `the proxy waits for ${name}`)
    t.equal(services[name]?.scale, 2)
  }
})

t.test('nginx gets the same nginx.conf the end-to-end tests use', async (t) => {
  const { services } = composeConfig(t, undefined)
  const mounts = (services.proxy?.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[0] : v.source))
  t.ok(mounts.includes(join(REPO_ROOT, 'deploy/nginx/nginx.conf')), 'deploy/nginx/nginx.conf is mounted')
  t.ok(mounts.includes(join(REPO_ROOT, 'deploy/nginx/render-upstreams.sh')), 'and its upstream renderer')
  t.ok(existsSync(join(REPO_ROOT, 'deploy/nginx/nginx.conf')))
})
