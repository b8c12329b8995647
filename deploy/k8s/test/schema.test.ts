import t from 'tap'
import { describe, type KubeObject, render, targets } from '../src/render.js'
import { checkAgainstApi } from '../src/schema.js'

type Deployment = KubeObject & {
  spec: {
    replicas?: unknown
    template: { spec: { containers: Record<string, unknown>[]; securityContext: Record<string, unknown> } }
  }
}

t.test('every object of every overlay is valid against the Kubernetes API schema, with no unknown field', async (t) => {
  for (const target of targets()) {
    const objects = await render(target)
    t.ok(objects.length > 20, `${target} renders (${objects.length} objects)`)
    for (const object of objects) {
      t.same(await checkAgainstApi(object), [], `${target}: ${describe(object)}`)
    }
  }
})

t.test('the schema check reports what kubernetes-models alone lets through', async (t) => {
  const base = await render('base')
  const deployment = base.find((object) => object.kind === 'Deployment') as Deployment
  const container = deployment.spec.template.spec.containers[0]!
  container.readinessprobe = container.readinessProbe
  deployment.spec.template.spec.securityContext.runAsNonroot = true
  t.same(
    await checkAgainstApi(deployment),
    [
      { path: '/spec/template/spec/securityContext/runAsNonroot', message: 'is not a field of this kind' },
      { path: '/spec/template/spec/containers/0/readinessprobe', message: 'is not a field of this kind' },
    ].sort(byPath),
    'misspelt fields, nested at any depth, are reported (the API server would drop them silently)',
  )

  const service = base.find((object) => object.kind === 'Service')!
  ;(service.spec as Record<string, unknown>).typo = 'x'
  t.same(await checkAgainstApi(service), [{ path: '/spec/typo', message: 'is not a field of this kind' }])
})

t.test('the schema check reports type and enum errors, and unknown kinds', async (t) => {
  const base = await render('base')
  const deployment = base.find((object) => object.kind === 'Deployment') as Deployment
  deployment.spec.replicas = 'two'
  t.match(await checkAgainstApi(deployment), [{ path: '/spec/replicas', message: /integer/ }])

  const ingress = base.find((object) => object.kind === 'Ingress')!
  const paths = (ingress.spec as { rules: { http: { paths: { pathType: string }[] } }[] }).rules[0]!.http.paths
  paths[0]!.pathType = 'Regex'
  t.match(await checkAgainstApi(ingress), [{ path: '/spec/rules/0/http/paths/0/pathType', message: /allowed values/ }])

  t.match(await checkAgainstApi({ ...deployment, apiVersion: 'apps/v1beta9' }), [
    { message: /not a Kubernetes API kind/ },
  ])
  t.match(await checkAgainstApi({ ...deployment, kind: 'Deploymnet' }), [{ message: /not a Kubernetes API kind/ }])
})

t.test('maps (labels, annotations, ConfigMap data, resource amounts) take any key', async (t) => {
  const base = await render('base')
  const deployment = base.find((object) => object.kind === 'Deployment') as Deployment
  deployment.metadata.labels = { ...deployment.metadata.labels, 'example.com/anything': 'yes' }
  deployment.metadata.annotations = { 'example.com/note': 'free text' }
  const resources = deployment.spec.template.spec.containers[0]!.resources as { limits: Record<string, string> }
  resources.limits['ephemeral-storage'] = '1Gi'
  t.same(await checkAgainstApi(deployment), [])
  const configMap = base.find((object) => object.kind === 'ConfigMap')!
  configMap.data = { ANY_NAME: 'value' }
  t.same(await checkAgainstApi(configMap), [])
})

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path.localeCompare(b.path)
}
