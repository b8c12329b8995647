import type { IContainer } from 'kubernetes-models/v1/Container'
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec'
import { describe, type KubeObject } from './render.js'

/** A pod template together with the object that owns it. */
export type PodTemplate = {
  owner: KubeObject
  /** How reports name it: `Deployment/ns/auth`. */
  name: string
  namespace: string | undefined
  labels: Record<string, string>
  template: IPodTemplateSpec
  /** Deployments, StatefulSets and DaemonSets serve traffic and are restarted when stuck; Jobs end by themselves. */
  longRunning: boolean
}

const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet'])

/** Every pod template in a rendering (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs). */
export function podTemplates(objects: KubeObject[]): PodTemplate[] {
  const templates: PodTemplate[] = []
  for (const object of objects) {
    const spec = object.spec as
      | { template?: IPodTemplateSpec; jobTemplate?: { spec?: { template?: IPodTemplateSpec } } }
      | undefined
    const template =
      object.kind === 'CronJob'
        ? spec?.jobTemplate?.spec?.template
        : LONG_RUNNING.has(object.kind) || object.kind === 'Job'
          ? spec?.template
          : undefined
    if (template === undefined) continue
    templates.push({
      owner: object,
      name: describe(object),
      namespace: object.metadata.namespace,
      labels: template.metadata?.labels ?? {},
      template,
      longRunning: LONG_RUNNING.has(object.kind),
    })
  }
  return templates
}

/** Every container of a template, init containers included, with a name for reports. */
export function containersOf(pod: PodTemplate): { container: IContainer; name: string; init: boolean }[] {
  const spec = pod.template.spec
  return [
    ...(spec?.initContainers ?? []).map((container) => ({ container, init: true })),
    ...(spec?.containers ?? []).map((container) => ({ container, init: false })),
  ].map(({ container, init }) => ({ container, init, name: `${pod.name} container ${container.name}` }))
}

/** The objects of one kind, typed as the caller reads them. */
export function ofKind<T>(objects: KubeObject[], kind: string): (KubeObject & T)[] {
  return objects.filter((object) => object.kind === kind) as (KubeObject & T)[]
}
