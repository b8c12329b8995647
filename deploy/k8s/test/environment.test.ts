import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { type KubeObject, render, REPO_ROOT, targets } from '../src/render.js'
import { containersOf, podTemplates } from '../src/workloads.js'

// The variables a service validates at start-up are the keys of its TypeBox config schemas: the service's own,
// plus the shared schemas its config.ts composes. A name in the manifests that none of them declares is a typo or
// a leftover, and the service would silently run on the default instead.
const SHARED_SCHEMAS: Record<string, string> = {
  ServiceConfigSchema: 'packages/service-kit/src/config/service-config.ts',
  AuthVerifierConfigSchema: 'packages/service-kit/src/auth/config.ts',
  DbConfigSchema: 'packages/db/src/config.ts',
}
// Read by Node itself, not by our config.
const RUNTIME_VARIABLES = ['NODE_OPTIONS']

function declaredVariables(service: string): Set<string> {
  const names = new Set(RUNTIME_VARIABLES)
  const own = readFileSync(join(REPO_ROOT, `apps/${service}/src/config.ts`), 'utf8')
  const composed = Object.entries(SHARED_SCHEMAS).filter(([schema]) => new RegExp(`\\b${schema}\\b`).test(own))
  for (const text of [own, ...composed.map(([, file]) => readFileSync(join(REPO_ROOT, file), 'utf8'))]) {
    for (const match of text.matchAll(/^\s+([A-Z][A-Z0-9_]+):\s/gm)) names.add(match[1] as string)
  }
  return names
}

/** One line per variable a long-running container is given that its service does not declare. */
function undeclaredVariables(objects: KubeObject[]): string[] {
  const configMaps = new Map(
    objects
      .filter((object) => object.kind === 'ConfigMap')
      .map((map) => [map.metadata.name, map.data as Record<string, string>]),
  )
  return podTemplates(objects)
    .filter((pod) => pod.longRunning)
    .flatMap((pod) =>
      containersOf(pod).flatMap(({ container, name }) => {
        const declared = declaredVariables(container.name)
        const given = [
          ...(container.envFrom ?? []).flatMap((source) =>
            Object.keys(configMaps.get(source.configMapRef?.name ?? '') ?? {}),
          ),
          ...(container.env ?? []).map((variable) => variable.name),
        ]
        return given.filter((variable) => !declared.has(variable)).map((variable) => `${name}: ${variable}`)
      }),
    )
}

t.test('every variable a service gets from its ConfigMaps and Secrets is one its config declares', async (t) => {
  for (const target of targets()) t.same(undeclaredVariables(await render(target)), [], target)

  const objects = await render('overlays/staging')
  const catalogConfig = objects.find((object) => object.metadata.name.startsWith('catalog-config-'))!
  ;(catalogConfig.data as Record<string, string>).CATALOG_CACHE_MAXAGE = '30'
  const auth = objects.find((object) => object.kind === 'Deployment' && object.metadata.name === 'auth')!
  const container = (auth.spec as { template: { spec: { containers: { env: { name: string }[] }[] } } }).template.spec
    .containers[0]!
  container.env.push({ name: 'CATALOG_CACHE_MAX_AGE' })
  t.same(
    undeclaredVariables(objects),
    [
      'Deployment/consultation-staging/auth container auth: CATALOG_CACHE_MAX_AGE',
      'Deployment/consultation-staging/catalog container catalog: CATALOG_CACHE_MAXAGE',
    ],
    'a misspelt variable, or one of another service, is reported',
  )
})

t.test(
  'each service listens on the port its Service and probes use, and gets its database URL from a Secret',
  async (t) => {
    const objects = await render('base')
    for (const pod of podTemplates(objects).filter((candidate) => candidate.longRunning)) {
      const [{ container }] = containersOf(pod) as [ReturnType<typeof containersOf>[number]]
      const config = objects.find(
        (object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith(`${container.name}-config-`),
      )
      const port = (config?.data as Record<string, string> | undefined)?.PORT
      t.equal(
        Number(port),
        container.ports?.find((candidate) => candidate.name === 'http')?.containerPort,
        `${pod.name}: PORT is the http port`,
      )
      // The probes ask the routes service-kit's health plugin serves; liveness never depends on the database.
      t.same(
        [container.startupProbe, container.readinessProbe, container.livenessProbe].map(
          (probe) => probe?.httpGet?.path,
        ),
        ['/health/live', '/health/ready', '/health/live'],
        `${pod.name}: startup and liveness on /health/live, readiness on /health/ready`,
      )
      const databaseUrl = container.env?.find((variable) => variable.name === 'DATABASE_URL')
      t.same(
        databaseUrl?.valueFrom?.secretKeyRef,
        { name: `${container.name}-secrets`, key: 'DATABASE_URL' },
        `${pod.name}: DATABASE_URL from ${container.name}-secrets`,
      )
    }
  },
)

t.test('the health routes the probes use are the ones service-kit serves', async (t) => {
  const health = readFileSync(join(REPO_ROOT, 'packages/service-kit/src/plugins/health.ts'), 'utf8')
  for (const path of ['/health/live', '/health/ready']) t.ok(health.includes(`'${path}'`), `service-kit serves ${path}`)
})

t.test('the variable check knows each service’s own variables', async (t) => {
  t.ok(declaredVariables('auth').has('AUTH_SIGNING_KEY'))
  t.ok(declaredVariables('consultants').has('AUTH_JWKS_URL'))
  t.ok(declaredVariables('catalog').has('CATALOG_CACHE_MAX_AGE'))
  t.notOk(declaredVariables('catalog').has('AUTH_SIGNING_KEY'), 'one service’s variables are not another’s')
  t.notOk(declaredVariables('catalog').has('AUTH_ISSUER'), 'nor a shared schema it does not compose')
  t.ok(declaredVariables('consultants').has('AUTH_ISSUER'), 'but one it does')
  t.ok(declaredVariables('catalog').has('DB_POOL_SIZE'), 'shared schemas count for every service')
  t.notOk(declaredVariables('catalog').has('DATABASE_URLS'))
})

t.test('the token issuer is the auth service’s public address on the Ingress of the same overlay', async (t) => {
  for (const target of targets()) {
    const objects = await render(target)
    const accounts = objects.find(
      (object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('accounts-config-'),
    )
    const issuer = new URL((accounts?.data as Record<string, string>).AUTH_ISSUER as string)
    const ingress = objects.find((object) => object.kind === 'Ingress')?.spec as {
      rules: { host: string }[]
      tls?: { hosts: string[] }[]
    }
    t.equal(issuer.host, ingress.rules[0]?.host, `${target}: the issuer's host is the Ingress host`)
    t.equal(issuer.pathname, '/v1/auth', `${target}: and its path the auth prefix`)
    if (issuer.protocol === 'https:' && target !== 'base') {
      // The base is never applied alone; an overlay that serves https must terminate TLS for that host.
      t.ok(
        ingress.tls?.some((entry) => entry.hosts.includes(issuer.host)),
        `${target}: https issuer, TLS on the Ingress`,
      )
    }
  }
})
