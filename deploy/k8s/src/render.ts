import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { parseAllDocuments } from 'yaml'

const run = promisify(execFile)

export const K8S_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const REPO_ROOT = join(K8S_ROOT, '..', '..')

/** A rendered Kubernetes object; the fields the checks read are typed where they are read. */
export type KubeObject = {
  apiVersion: string
  kind: string
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
  [field: string]: unknown
}

/** What is rendered: the base and every folder under overlays/, so a new overlay is checked without a test change. */
export function targets(): string[] {
  const overlays = readdirSync(join(K8S_ROOT, 'overlays'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `overlays/${entry.name}`)
    .sort()
  return ['base', ...overlays]
}

const cache = new Map<string, Promise<KubeObject[]>>()

/** `kubectl kustomize <target>` parsed into objects (fresh copies each call, so a test may mutate them). */
export async function render(target: string): Promise<KubeObject[]> {
  let rendered = cache.get(target)
  if (rendered === undefined) {
    rendered = kustomize(target)
    cache.set(target, rendered)
  }
  return structuredClone(await rendered)
}

async function kustomize(target: string): Promise<KubeObject[]> {
  let stdout: string
  try {
    ;({ stdout } = await run('kubectl', ['kustomize', join(K8S_ROOT, target)], { maxBuffer: 16 * 1024 * 1024 }))
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string }
    if (code === 'ENOENT')
      throw new Error(
        'kubectl is not installed: the manifests are rendered with `kubectl kustomize` (kubectl >= 1.27, Kustomize 5)',
      )
    throw new Error(`kubectl kustomize ${target} failed: ${stderr ?? String(error)}`)
  }
  return parseAllDocuments(stdout).map((document) => {
    if (document.errors.length > 0) throw new Error(`${target}: ${document.errors[0]?.message}`)
    return document.toJS() as KubeObject
  })
}

/** `Kind/name` (with the namespace when there is one): how the checks name an object in their reports. */
export function describe(object: KubeObject): string {
  const namespace = object.metadata.namespace === undefined ? '' : `${object.metadata.namespace}/`
  return `${object.kind}/${namespace}${object.metadata.name}`
}
