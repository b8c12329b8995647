import type { KubeObject } from './render.js'

/** A problem found by the API schema check, at a JSON pointer inside one object. */
export type SchemaProblem = { path: string; message: string }

type Model = { prototype: { validate(this: unknown): void } }
type ValidationFailure = Error & { errors?: { instancePath: string; message?: string }[] }

/**
 * Validates one object against the Kubernetes API schema that kubernetes-models ships (compiled OpenAPI
 * validators), and reports fields the schema does not know.
 *
 * kubernetes-models accepts unknown fields (OpenAPI objects allow additional properties), so a typo such as
 * `readinessprobe` would pass and be dropped by the API server. The compiled validators read every property the
 * schema declares, and enumerate only objects that are maps (labels, ConfigMap data). So the object is validated
 * through proxies that record what the validator read: a key it never read, in an object it never enumerated,
 * is a field the schema does not have. This follows the schema exactly, with no field list of our own to keep.
 */
export async function checkAgainstApi(object: KubeObject): Promise<SchemaProblem[]> {
  const model = await modelFor(object.apiVersion, object.kind)
  if (model === undefined) {
    return [{ path: '', message: `${object.apiVersion} ${object.kind} is not a Kubernetes API kind` }]
  }
  const visits = new Map<object, Visit>()
  const problems: SchemaProblem[] = []
  try {
    model.prototype.validate.call(observe(object, '', visits))
  } catch (error) {
    const failure = error as ValidationFailure
    if (failure.errors === undefined) throw error
    for (const { instancePath, message } of failure.errors)
      problems.push({ path: instancePath, message: message ?? 'is invalid' })
  }
  for (const [target, visit] of visits) {
    if (Array.isArray(target) || visit.enumerated) continue
    for (const key of Object.keys(target)) {
      if (!visit.read.has(key)) problems.push({ path: `${visit.path}/${key}`, message: 'is not a field of this kind' })
    }
  }
  return problems
}

type Visit = { path: string; read: Set<string>; enumerated: boolean }

function observe(value: unknown, path: string, visits: Map<object, Visit>): unknown {
  if (value === null || typeof value !== 'object') return value
  const visit: Visit = { path, read: new Set(), enumerated: false }
  visits.set(value, visit)
  const children = new Map<string, unknown>()
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver)
      if (typeof key !== 'string') return child
      visit.read.add(key)
      if (!Object.hasOwn(target, key)) return child
      if (!children.has(key)) children.set(key, observe(child, `${path}/${key}`, visits))
      return children.get(key)
    },
    has(target, key) {
      if (typeof key === 'string') visit.read.add(key)
      return Reflect.has(target, key)
    },
    ownKeys(target) {
      visit.enumerated = true
      return Reflect.ownKeys(target)
    },
  })
}

const models = new Map<string, Promise<Model | undefined>>()

/** The model of one kind, imported alone: a group's index would load every schema of the group (seconds). */
async function modelFor(apiVersion: string, kind: string): Promise<Model | undefined> {
  // `v1` is the core group (kubernetes-models/v1/Pod); every other group is `group/version/Kind`.
  if (!/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined
  const specifier = `kubernetes-models/${apiVersion}/${kind}`
  let loading = models.get(specifier)
  if (loading === undefined) {
    loading = import(specifier).then(
      (module: Record<string, unknown>) => (typeof module[kind] === 'function' ? (module[kind] as Model) : undefined),
      () => undefined,
    )
    models.set(specifier, loading)
  }
  return loading
}
