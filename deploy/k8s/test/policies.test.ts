import t from 'tap'
import { type KubeObject, render, targets } from '../src/render.js'
import { POLICIES } from '../src/policies.js'
import { selects } from '../src/selectors.js'

// The mutations below edit rendered objects through these loose shapes: each test breaks one thing on purpose.
type Loose = Record<string, any>

t.test('every overlay passes every policy', async (t) => {
  const renderings = await Promise.all(targets().map(async (target) => ({ target, objects: await render(target) })))
  for (const { target, objects } of renderings) {
    for (const [name, policy] of Object.entries(POLICIES)) t.same(policy(objects), [], `${target}: ${name}`)
  }
})

const find = (objects: KubeObject[], kind: string, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name.startsWith(name))
  if (found === undefined) throw new Error(`no ${kind}/${name} in the rendering`)
  return found as Loose
}
const container = (objects: KubeObject[], deployment: string) =>
  find(objects, 'Deployment', deployment).spec.template.spec.containers[0]

t.test('the resources policy fires on a container without requests or limits', async (t) => {
  const objects = await render('overlays/production')
  delete container(objects, 'catalog').resources.limits.memory
  delete find(objects, 'Job', 'migrate').spec.template.spec.containers[0].resources.requests
  t.same(POLICIES.resources(objects).sort(), [
    'Deployment/consultation/catalog container catalog has no memory limits',
    'Job/consultation/migrate container migrate has no cpu requests',
    'Job/consultation/migrate container migrate has no memory requests',
  ])
})

t.test('the probes policy fires on a missing probe, or a probe on a port the container lacks', async (t) => {
  const objects = await render('overlays/staging')
  delete container(objects, 'auth').livenessProbe
  container(objects, 'consultants').readinessProbe.httpGet.port = 'htp'
  t.same(POLICIES.probes(objects).sort(), [
    'Deployment/consultation-staging/auth container auth has no livenessProbe',
    'Deployment/consultation-staging/consultants container consultants readinessProbe uses port "htp", which the container does not declare',
  ])
  const jobs = await render('overlays/staging')
  t.notOk(find(jobs, 'Job', 'migrate').spec.template.spec.containers[0].readinessProbe, 'a Job has no probes')
  t.same(POLICIES.probes(jobs), [], 'and needs none: it ends by itself')
})

t.test('the security policy fires on each way a container could run with more than it needs', async (t) => {
  const objects = await render('base')
  const auth = container(objects, 'auth')
  delete auth.securityContext.runAsNonRoot
  delete find(objects, 'Deployment', 'auth').spec.template.spec.securityContext.runAsNonRoot
  t.same(
    POLICIES.security(objects),
    ['Deployment/auth container auth does not set runAsNonRoot'],
    'runAsNonRoot on neither pod nor container',
  )

  const more = await render('base')
  const catalog = container(more, 'catalog')
  catalog.securityContext = {
    runAsUser: 0,
    runAsNonRoot: true,
    privileged: true,
    seccompProfile: { type: 'Unconfined' },
  }
  t.same(POLICIES.security(more), [
    'Deployment/catalog container catalog runs as user 0',
    'Deployment/catalog container catalog is privileged',
    'Deployment/catalog container catalog allows privilege escalation',
    'Deployment/catalog container catalog has a writable root filesystem',
    'Deployment/catalog container catalog does not drop ALL capabilities',
    'Deployment/catalog container catalog has no RuntimeDefault seccomp profile',
  ])
})

t.test('the ingress policy fires when a path points at a missing Service or a port it does not have', async (t) => {
  const objects = await render('overlays/production')
  const paths = find(objects, 'Ingress', 'api').spec.rules[0].http.paths
  paths[0].backend.service.name = 'authentication'
  paths[5].backend.service.port = { name: 'metrics' }
  paths[11].backend.service.port = { number: 80 }
  t.same(POLICIES.ingressBackends(objects), [
    'Ingress/consultation/api path /v1/auth points at Service authentication, which does not exist',
    'Ingress/consultation/api path /v1/consultants/ points at port metrics of Service consultants, which it does not have',
    'Ingress/consultation/api path /docs/catalog/ points at port 80 of Service catalog, which it does not have',
  ])
})

t.test('the scrape policy fires when a Deployment is not scraped, or on a port its container does not open', async (t) => {
  const objects = await render('overlays/production')
  const annotations = (name: string) => find(objects, 'Deployment', name).spec.template.metadata.annotations
  delete annotations('auth')['prometheus.io/scrape']
  annotations('consultants')['prometheus.io/port'] = '9999'
  annotations('catalog')['prometheus.io/path'] = '/stats'
  container(objects, 'catalog').env.push({ name: 'METRICS_PORT', value: '9000' })
  t.same(POLICIES.scrape(objects), [
    'Deployment/consultation/auth has no prometheus.io/scrape: "true" annotation',
    'Deployment/consultation/catalog has no prometheus.io/path: /metrics',
    'Deployment/consultation/catalog container catalog METRICS_PORT 9000 is not the scraped port 9463',
    'Deployment/consultation/consultants prometheus.io/port "9999" is not a port its containers declare',
  ])
})

t.test('the metrics policy fires when the Ingress would route /metrics or reach a metrics port', async (t) => {
  const objects = await render('overlays/staging')
  const paths = find(objects, 'Ingress', 'api').spec.rules[0].http.paths
  paths.push({ path: '/', pathType: 'Prefix', backend: { service: { name: 'catalog', port: { name: 'http' } } } })
  paths.push({ path: '/metrics', pathType: 'Exact', backend: { service: { name: 'auth', port: { name: 'http' } } } })
  paths[2].backend.service.port = { name: 'metrics' }
  find(objects, 'Service', 'consultants').spec.ports.push({ name: 'stats', port: 9100, targetPort: 'metrics' })
  paths[5].backend.service.port = { number: 9100 }
  t.same(POLICIES.metricsNotRouted(objects), [
    'Ingress/consultation-staging/api path /docs/auth reaches the metrics port of auth',
    'Ingress/consultation-staging/api path /v1/consultants/ reaches the metrics port of consultants',
    'Ingress/consultation-staging/api path / (Prefix) routes /metrics',
    'Ingress/consultation-staging/api path /metrics (Exact) routes /metrics',
  ])
  t.notOk(
    POLICIES.metricsNotRouted(await render('overlays/staging')).length,
    'the real Ingress routes neither the path nor the port',
  )
})

t.test('the selectors policy fires when a selector matches no pod template', async (t) => {
  const objects = await render('overlays/production')
  find(objects, 'Service', 'catalog').spec.selector = { 'app.kubernetes.io/name': 'catalogue' }
  find(objects, 'PodDisruptionBudget', 'auth').spec.selector.matchLabels = { app: 'auth' }
  find(objects, 'HorizontalPodAutoscaler', 'consultants').spec.scaleTargetRef.name = 'consultant'
  find(objects, 'NetworkPolicy', 'auth-from-consultants').spec.podSelector.matchLabels['app.kubernetes.io/name'] =
    'auht'
  find(objects, 'NetworkPolicy', 'consultants-egress-to-auth').spec.egress[0].to[0].podSelector = {
    matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['oauth'] }],
  }
  t.same(POLICIES.selectors(objects), [
    'Service/consultation/catalog selector matches no pod template',
    'PodDisruptionBudget/consultation/auth selector matches no pod template',
    'HorizontalPodAutoscaler/consultation/consultants scales Deployment/consultant, which does not exist',
    'NetworkPolicy/consultation/auth-from-consultants podSelector matches no pod template',
    'NetworkPolicy/consultation/consultants-egress-to-auth to podSelector matches no pod template',
  ])
})

t.test(
  'the selectors policy fires on a Deployment that does not select its own pods, and on unknown named ports',
  async (t) => {
    const objects = await render('overlays/staging')
    find(objects, 'Deployment', 'auth').spec.selector.matchLabels['app.kubernetes.io/name'] = 'authn'
    find(objects, 'Service', 'consultants').spec.ports[0].targetPort = 'web'
    find(objects, 'NetworkPolicy', 'api-from-ingress-controller').spec.ingress[0].ports[0].port = 'https'
    t.same(POLICIES.selectors(objects), [
      'Deployment/consultation-staging/auth selector does not match its own pod template',
      'Service/consultation-staging/consultants targetPort "web" is not a port of Deployment/consultation-staging/consultants',
      'NetworkPolicy/consultation-staging/api-from-ingress-controller port "https" is not a port of Deployment/consultation-staging/auth',
      'NetworkPolicy/consultation-staging/api-from-ingress-controller port "https" is not a port of Deployment/consultation-staging/catalog',
      'NetworkPolicy/consultation-staging/api-from-ingress-controller port "https" is not a port of Deployment/consultation-staging/consultants',
    ])
  },
)

t.test('the config policy fires on a committed secret or a missing ConfigMap', async (t) => {
  const objects = await render('overlays/production')
  objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'auth-secrets', namespace: 'consultation' } })
  const common = find(objects, 'ConfigMap', 'common-config')
  common.data.DATABASE_URL = 'mysql://app:pw@db/consultation'
  common.data.DATABASE_REPLICA_URLS = 'mysql://app:pw@replica/consultation'
  container(objects, 'catalog').env.push({ name: 'AUTH_WEBHOOK_SECRET', value: 'inline' })
  container(objects, 'consultants').envFrom[1].configMapRef.name = 'consultants-settings'
  t.same(POLICIES.config(objects).sort(), [
    `ConfigMap/consultation/${common.metadata.name} holds DATABASE_REPLICA_URLS, a secret`,
    `ConfigMap/consultation/${common.metadata.name} holds DATABASE_URL, a secret`,
    'Deployment/consultation/catalog container catalog sets AUTH_WEBHOOK_SECRET to a literal value',
    'Deployment/consultation/consultants container consultants uses ConfigMap consultants-settings, which does not exist',
    'Secret/consultation/auth-secrets is rendered: secrets are created outside the repository',
  ])
})

t.test(
  'the shutdown policy fires when the grace period does not cover the preStop sleep and the shutdown timeout',
  async (t) => {
    const objects = await render('overlays/production')
    delete container(objects, 'auth').lifecycle
    find(objects, 'ConfigMap', 'common-config').data.SHUTDOWN_TIMEOUT_MS = '26000'
    container(objects, 'catalog').env.push({ name: 'SHUTDOWN_TIMEOUT_MS', value: '1000' })
    t.same(
      POLICIES.shutdown(objects),
      [
        'Deployment/consultation/auth container auth has no preStop hook: it is sent SIGTERM while still receiving requests',
        'Deployment/consultation/consultants container consultants terminationGracePeriodSeconds 30 does not exceed the preStop sleep 5 s + SHUTDOWN_TIMEOUT_MS 26000',
      ],
      'a value in env wins over the ConfigMap (catalog: 5 s + 1 s fits)',
    )
  },
)

t.test('the jobs policy fires on a Job without retry bound, deadline or clean-up', async (t) => {
  const objects = await render('overlays/staging')
  const job = find(objects, 'Job', 'migrate')
  delete job.spec.backoffLimit
  delete job.spec.ttlSecondsAfterFinished
  t.same(POLICIES.jobs(objects), [
    'Job/consultation-staging/migrate has no backoffLimit',
    'Job/consultation-staging/migrate has no ttlSecondsAfterFinished',
  ])
})

t.test('label selectors follow the API rules', async (t) => {
  const labels = { app: 'auth', tier: 'api' }
  t.ok(selects({}, labels), 'an empty selector selects everything')
  t.ok(selects({ matchLabels: { app: 'auth' } }, labels))
  t.notOk(selects({ matchLabels: { app: 'auth', tier: 'web' } }, labels), 'every matchLabels entry must hold')
  t.ok(selects({ matchExpressions: [{ key: 'app', operator: 'In', values: ['auth', 'catalog'] }] }, labels))
  t.notOk(selects({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['auth'] }] }, labels))
  t.ok(
    selects({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, labels),
    'NotIn holds for an absent label',
  )
  t.ok(selects({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels))
  t.notOk(selects({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels))
  t.ok(selects({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels))
  t.notOk(selects({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels))
  t.notOk(
    selects({ matchExpressions: [{ key: 'app', operator: 'Equals', values: ['auth'] }] }, labels),
    'an unknown operator selects nothing',
  )
  t.notOk(
    selects({ matchLabels: { app: 'auth' } }, undefined),
    'an object without labels matches only the empty selector',
  )
})
