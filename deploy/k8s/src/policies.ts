import type { IIngressSpec } from 'kubernetes-models/networking.k8s.io/v1/IngressSpec'
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec'
import type { IHorizontalPodAutoscalerSpec } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscalerSpec'
import type { IPodDisruptionBudgetSpec } from 'kubernetes-models/policy/v1/PodDisruptionBudgetSpec'
import type { IContainer } from 'kubernetes-models/v1/Container'
import type { IProbe } from 'kubernetes-models/v1/Probe'
import type { IServiceSpec } from 'kubernetes-models/v1/ServiceSpec'
import { describe, type KubeObject } from './render.js'
import { fromMap, type LabelSelector, selects } from './selectors.js'
import { containersOf, ofKind, type PodTemplate, podTemplates } from './workloads.js'

/** A policy reads a whole rendering and returns one line per violation; none means it holds. */
export type Policy = (objects: KubeObject[]) => string[]

/** Every container states CPU and memory requests and limits: the scheduler and the HPA depend on them. */
export const resourcesPolicy: Policy = (objects) =>
  podTemplates(objects).flatMap((pod) =>
    containersOf(pod).flatMap(({ container, name }) =>
      (['requests', 'limits'] as const).flatMap((kind) =>
        (['cpu', 'memory'] as const)
          .filter((resource) => container.resources?.[kind]?.[resource] === undefined)
          .map((resource) => `${name} has no ${resource} ${kind}`),
      ),
    ),
  )

/**
 * Every container of a long-running workload has startup, readiness and liveness probes, and an HTTP probe's
 * named port is one of the container's ports (a misspelt port name makes the probe fail forever).
 */
export const probesPolicy: Policy = (objects) =>
  podTemplates(objects)
    .filter((pod) => pod.longRunning)
    .flatMap((pod) =>
      containersOf(pod)
        .filter(({ init }) => !init)
        .flatMap(({ container, name }) =>
          (['startupProbe', 'readinessProbe', 'livenessProbe'] as const).flatMap((kind) => {
            const probe: IProbe | undefined = container[kind]
            if (probe === undefined) return [`${name} has no ${kind}`]
            const port = probe.httpGet?.port
            if (typeof port === 'string' && !(container.ports ?? []).some((p) => p.name === port)) {
              return [`${name} ${kind} uses port "${port}", which the container does not declare`]
            }
            return []
          }),
        ),
    )

/**
 * Every container runs as a non-root user without privilege escalation, all capabilities dropped, a read-only
 * root filesystem and the runtime's seccomp profile (container settings override the pod's, as in the API).
 */
export const securityPolicy: Policy = (objects) =>
  podTemplates(objects).flatMap((pod) => {
    const podContext = pod.template.spec?.securityContext ?? {}
    return containersOf(pod).flatMap(({ container, name }) => {
      const context = container.securityContext ?? {}
      const problems: string[] = []
      if ((context.runAsNonRoot ?? podContext.runAsNonRoot) !== true) problems.push('does not set runAsNonRoot')
      if ((context.runAsUser ?? podContext.runAsUser) === 0) problems.push('runs as user 0')
      if (context.privileged === true) problems.push('is privileged')
      if (context.allowPrivilegeEscalation !== false) problems.push('allows privilege escalation')
      if (context.readOnlyRootFilesystem !== true) problems.push('has a writable root filesystem')
      if (!(context.capabilities?.drop ?? []).includes('ALL')) problems.push('does not drop ALL capabilities')
      const seccomp = (context.seccompProfile ?? podContext.seccompProfile)?.type
      if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
        problems.push('has no RuntimeDefault seccomp profile')
      return problems.map((problem) => `${name} ${problem}`)
    })
  })

/** Every Ingress backend names a Service of the rendering, and a port that Service has. */
export const ingressBackendsPolicy: Policy = (objects) => {
  const services = ofKind<{ spec: IServiceSpec }>(objects, 'Service')
  return ofKind<{ spec: IIngressSpec }>(objects, 'Ingress').flatMap((ingress) => {
    const backends = [
      ...(ingress.spec.defaultBackend ? [{ where: 'defaultBackend', backend: ingress.spec.defaultBackend }] : []),
      ...(ingress.spec.rules ?? []).flatMap((rule) =>
        (rule.http?.paths ?? []).map((path) => ({ where: `path ${path.path}`, backend: path.backend })),
      ),
    ]
    return backends.flatMap(({ where, backend }) => {
      const wanted = backend.service
      if (wanted === undefined) return []
      const service = services.find(
        (candidate) =>
          candidate.metadata.name === wanted.name && candidate.metadata.namespace === ingress.metadata.namespace,
      )
      if (service === undefined)
        return [`${describe(ingress)} ${where} points at Service ${wanted.name}, which does not exist`]
      const port = wanted.port ?? {}
      const found = (service.spec.ports ?? []).some((candidate) =>
        port.name !== undefined ? candidate.name === port.name : candidate.port === port.number,
      )
      return found
        ? []
        : [
            `${describe(ingress)} ${where} points at port ${port.name ?? port.number} of Service ${wanted.name}, which it does not have`,
          ]
    })
  })
}

/**
 * Every selector selects something: a Deployment its own template, a Service, PodDisruptionBudget or
 * NetworkPolicy at least one pod template of its namespace (and a Service's named target port exists there), an
 * HPA an existing workload. A selector that matches nothing fails silently in a cluster: this makes it loud.
 */
export const selectorsPolicy: Policy = (objects) => {
  const pods = podTemplates(objects)
  const inNamespace = (object: KubeObject, selector: LabelSelector) =>
    pods.filter((pod) => pod.namespace === object.metadata.namespace && selects(selector, pod.labels))
  const problems: string[] = []

  for (const pod of pods.filter((candidate) => candidate.owner.kind !== 'Job' && candidate.owner.kind !== 'CronJob')) {
    const selector = (pod.owner.spec as { selector?: LabelSelector }).selector ?? {}
    if (!selects(selector, pod.labels)) problems.push(`${pod.name} selector does not match its own pod template`)
  }

  for (const service of ofKind<{ spec: IServiceSpec }>(objects, 'Service')) {
    if (service.spec.selector === undefined) continue
    const matched = inNamespace(service, fromMap(service.spec.selector))
    if (matched.length === 0) {
      problems.push(`${describe(service)} selector matches no pod template`)
      continue
    }
    for (const port of service.spec.ports ?? []) {
      if (typeof port.targetPort !== 'string') continue
      for (const pod of matched.filter((candidate) => !declaresPort(candidate, port.targetPort as string))) {
        problems.push(`${describe(service)} targetPort "${port.targetPort}" is not a port of ${pod.name}`)
      }
    }
  }

  for (const budget of ofKind<{ spec: IPodDisruptionBudgetSpec }>(objects, 'PodDisruptionBudget')) {
    if (inNamespace(budget, budget.spec.selector ?? {}).length === 0)
      problems.push(`${describe(budget)} selector matches no pod template`)
  }

  for (const autoscaler of ofKind<{ spec: IHorizontalPodAutoscalerSpec }>(objects, 'HorizontalPodAutoscaler')) {
    const { kind, name } = autoscaler.spec.scaleTargetRef
    const target = objects.find(
      (object) =>
        object.kind === kind &&
        object.metadata.name === name &&
        object.metadata.namespace === autoscaler.metadata.namespace,
    )
    if (target === undefined) problems.push(`${describe(autoscaler)} scales ${kind}/${name}, which does not exist`)
  }

  for (const policy of ofKind<{ spec: INetworkPolicySpec }>(objects, 'NetworkPolicy')) {
    const selected = inNamespace(policy, policy.spec.podSelector ?? {})
    if (selected.length === 0) problems.push(`${describe(policy)} podSelector matches no pod template`)
    // Peers named by pod labels alone are in the policy's own namespace: they must exist too.
    const rules = [
      ...(policy.spec.ingress ?? []).map((rule) => ({
        peers: rule.from ?? [],
        ports: rule.ports ?? [],
        direction: 'from',
      })),
      ...(policy.spec.egress ?? []).map((rule) => ({ peers: rule.to ?? [], ports: rule.ports ?? [], direction: 'to' })),
    ]
    for (const { peers, ports, direction } of rules) {
      // An ingress rule's named port is the selected pods' own; an egress rule's is the destination's.
      const portOwners = direction === 'from' ? [...selected] : []
      for (const peer of peers) {
        if (peer.podSelector === undefined || peer.namespaceSelector !== undefined) continue
        const matched = inNamespace(policy, peer.podSelector)
        if (matched.length === 0) problems.push(`${describe(policy)} ${direction} podSelector matches no pod template`)
        if (direction === 'to') portOwners.push(...matched)
      }
      for (const port of ports) {
        if (typeof port.port !== 'string') continue
        for (const pod of new Set(portOwners)) {
          if (!declaresPort(pod, port.port))
            problems.push(`${describe(policy)} port "${port.port}" is not a port of ${pod.name}`)
        }
      }
    }
  }
  return problems
}

/**
 * Configuration is referenced, secrets are never rendered: no Secret object, no secret-looking variable given a
 * literal value or kept in a ConfigMap, and every referenced ConfigMap exists.
 */
export const configPolicy: Policy = (objects) => {
  const problems: string[] = []
  const configMaps = new Set(
    ofKind(objects, 'ConfigMap').map((map) => `${map.metadata.namespace}/${map.metadata.name}`),
  )
  for (const secret of ofKind(objects, 'Secret'))
    problems.push(`${describe(secret)} is rendered: secrets are created outside the repository`)
  for (const map of ofKind<{ data?: Record<string, string> }>(objects, 'ConfigMap')) {
    for (const key of Object.keys(map.data ?? {}).filter(looksSecret))
      problems.push(`${describe(map)} holds ${key}, a secret`)
  }
  for (const pod of podTemplates(objects)) {
    for (const { container, name } of containersOf(pod)) {
      const references = [
        ...(container.envFrom ?? []).flatMap((source) => (source.configMapRef ? [source.configMapRef] : [])),
        ...(container.env ?? []).flatMap((variable) => {
          const ref = variable.valueFrom?.configMapKeyRef
          return ref ? [ref] : []
        }),
      ]
      for (const ref of references) {
        if (ref.optional !== true && !configMaps.has(`${pod.namespace}/${ref.name}`))
          problems.push(`${name} uses ConfigMap ${ref.name}, which does not exist`)
      }
      for (const variable of container.env ?? []) {
        if (variable.value !== undefined && looksSecret(variable.name))
          problems.push(`${name} sets ${variable.name} to a literal value`)
      }
    }
  }
  return problems
}

/**
 * A long-running pod outlives its own removal from the endpoints: a preStop sleep, then SIGTERM, and a grace
 * period longer than that sleep plus the service's SHUTDOWN_TIMEOUT_MS (default 10 s), so requests in flight
 * finish before the kubelet kills the process.
 */
export const shutdownPolicy: Policy = (objects) => {
  const variable = containerVariables(objects)
  return podTemplates(objects)
    .filter((pod) => pod.longRunning)
    .flatMap((pod) => {
      const grace = pod.template.spec?.terminationGracePeriodSeconds ?? 30
      return containersOf(pod)
        .filter(({ init }) => !init)
        .flatMap(({ container, name }) => {
          const preStop = container.lifecycle?.preStop
          if (preStop === undefined)
            return [`${name} has no preStop hook: it is sent SIGTERM while still receiving requests`]
          const sleep = preStop.sleep?.seconds ?? 0
          const shutdownMs = variable(pod, container, 'SHUTDOWN_TIMEOUT_MS') ?? '10000'
          const needed = sleep + Number(shutdownMs) / 1000
          return grace > needed
            ? []
            : [
                `${name} terminationGracePeriodSeconds ${grace} does not exceed the preStop sleep ${sleep} s + SHUTDOWN_TIMEOUT_MS ${shutdownMs}`,
              ]
        })
    })
}

const SCRAPE = 'prometheus.io/scrape'
const SCRAPE_PORT = 'prometheus.io/port'
const SCRAPE_PATH = 'prometheus.io/path'
export const METRICS_PATH = '/metrics'

/**
 * Every Deployment is scraped: its pod template says `prometheus.io/scrape: "true"` and `prometheus.io/path:
 * /metrics`, and `prometheus.io/port` is a port its container declares, the one its METRICS_PORT variable (from
 * its ConfigMaps or env) opens.
 */
export const scrapePolicy: Policy = (objects) => {
  const variable = containerVariables(objects)
  return podTemplates(objects)
    .filter((pod) => pod.owner.kind === 'Deployment')
    .flatMap((pod) => {
      const annotations = pod.template.metadata?.annotations ?? {}
      const problems: string[] = []
      if (annotations[SCRAPE] !== 'true') problems.push(`${pod.name} has no ${SCRAPE}: "true" annotation`)
      if (annotations[SCRAPE_PATH] !== METRICS_PATH) problems.push(`${pod.name} has no ${SCRAPE_PATH}: ${METRICS_PATH}`)
      const port = annotations[SCRAPE_PORT]
      const owner = containersOf(pod).find(({ container, init }) =>
        !init && (container.ports ?? []).some((declared) => String(declared.containerPort) === port),
      )
      if (owner === undefined) {
        problems.push(`${pod.name} ${SCRAPE_PORT} "${port ?? ''}" is not a port its containers declare`)
      } else {
        const configured = variable(pod, owner.container, 'METRICS_PORT')
        if (configured !== port) problems.push(`${owner.name} METRICS_PORT ${configured ?? '(unset)'} is not the scraped port ${port}`)
      }
      return problems
    })
}

/**
 * No Ingress routes /metrics: no path matches it (a Prefix `/` would), and no backend reaches a container's
 * metrics port, directly or through a Service port that targets it.
 */
export const metricsNotRoutedPolicy: Policy = (objects) => {
  const services = ofKind<{ spec: IServiceSpec }>(objects, 'Service')
  const metricsPorts = new Set(
    podTemplates(objects).flatMap((pod) =>
      containersOf(pod).flatMap(({ container }) =>
        (container.ports ?? []).filter((port) => port.name === 'metrics').flatMap((port) => [port.name, port.containerPort]),
      ),
    ),
  )
  return ofKind<{ spec: IIngressSpec }>(objects, 'Ingress').flatMap((ingress) =>
    (ingress.spec.rules ?? []).flatMap((rule) =>
      (rule.http?.paths ?? []).flatMap((path) => {
        const problems: string[] = []
        if (routesPath(path.path ?? '/', path.pathType, METRICS_PATH))
          problems.push(`${describe(ingress)} path ${path.path} (${path.pathType}) routes ${METRICS_PATH}`)
        const wanted = path.backend.service
        const port = wanted?.port?.name ?? wanted?.port?.number
        const service = services.find(
          (candidate) => candidate.metadata.name === wanted?.name && candidate.metadata.namespace === ingress.metadata.namespace,
        )
        const target = (service?.spec.ports ?? []).find((candidate) => candidate.name === port || candidate.port === port)
          ?.targetPort
        if (metricsPorts.has(port) || (target !== undefined && metricsPorts.has(target)))
          problems.push(`${describe(ingress)} path ${path.path} reaches the metrics port of ${wanted?.name}`)
        return problems
      }),
    ),
  )
}

/** Whether an Ingress path of this type matches `url` (Prefix matches whole path elements, as the API says). */
function routesPath(path: string, pathType: string, url: string): boolean {
  if (pathType === 'Exact') return path === url
  const elements = path.split('/').filter(Boolean)
  const wanted = url.split('/').filter(Boolean)
  return elements.every((element, index) => wanted[index] === element)
}

/**
 * Reads a variable as a container sees it: its ConfigMaps (`envFrom`, in order), then `env`, which wins.
 * Undefined when neither sets it.
 */
function containerVariables(objects: KubeObject[]) {
  const configMaps = new Map(
    ofKind<{ data?: Record<string, string> }>(objects, 'ConfigMap').map((map) => [
      `${map.metadata.namespace}/${map.metadata.name}`,
      map.data ?? {},
    ]),
  )
  return (pod: PodTemplate, container: IContainer, name: string): string | undefined => {
    let value: string | undefined
    for (const source of container.envFrom ?? []) {
      const fromMap = configMaps.get(`${pod.namespace}/${source.configMapRef?.name}`)?.[name]
      if (fromMap !== undefined) value = fromMap
    }
    return container.env?.find((variable) => variable.name === name)?.value ?? value
  }
}

/** A Job retries a bounded number of times, within a deadline, and is cleaned up after it finishes. */
export const jobsPolicy: Policy = (objects) =>
  ofKind<{ spec: { backoffLimit?: number; activeDeadlineSeconds?: number; ttlSecondsAfterFinished?: number } }>(
    objects,
    'Job',
  ).flatMap((job) =>
    (['backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'] as const)
      .filter((field) => job.spec[field] === undefined)
      .map((field) => `${describe(job)} has no ${field}`),
  )

export const POLICIES = {
  resources: resourcesPolicy,
  probes: probesPolicy,
  security: securityPolicy,
  ingressBackends: ingressBackendsPolicy,
  selectors: selectorsPolicy,
  config: configPolicy,
  shutdown: shutdownPolicy,
  jobs: jobsPolicy,
  scrape: scrapePolicy,
  metricsNotRouted: metricsNotRoutedPolicy,
} satisfies Record<string, Policy>

function declaresPort(pod: PodTemplate, name: string): boolean {
  return (pod.template.spec?.containers ?? []).some((container) =>
    (container.ports ?? []).some((port) => port.name === name),
  )
}

function looksSecret(name: string): boolean {
  return name === 'DATABASE_URL' || name === 'DATABASE_REPLICA_URLS' || /(SECRET|PASSWORD|PEPPER|TOKEN|_KEY|_KEYS)$/.test(name)
}
