import { readFileSync } from 'node:fs'

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that self time needs. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

export interface SelfTime {
  readonly name: string
  readonly micros: number
}

export interface ProfileSummary {
  readonly totalMicros: number
  /** Self time per package (or `node`, `(garbage collector)`, `(program)`), largest first; idle left out. */
  readonly packages: SelfTime[]
  /**
   * The same, with Node's own functions (socket writes, streams, events, Buffer) charged to the nearest package
   * that called them; what no package called (the HTTP parser, timers) stays `node`.
   */
  readonly packagesWithNodeCharged: SelfTime[]
  /** Self time per function, `function (package file:line)`, largest first. */
  readonly functions: SelfTime[]
}

/**
 * Self time by package and by function; a sample's time is the delta to the next sample, as DevTools counts it.
 * Only samples inside `window` (µs of the monotonic clock, as V8 stamps them) count: start-up is left out.
 */
export function summarizeProfile(path: string, window: readonly [number, number] = [0, Infinity]): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
  const byPackage = new Map<string, number>()
  const charged = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let totalMicros = 0
  let at = profile.startTime
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i] ?? 0
    const frame = nodes.get(profile.samples[i] ?? -1)
    const micros = profile.timeDeltas[i + 1] ?? 0
    if (at < window[0] || at > window[1]) continue
    if (!frame || frame.functionName === '(idle)') continue
    totalMicros += micros
    const where = packageOf(frame.url, frame.functionName)
    add(byPackage, where, micros)
    add(charged, chargedPackage(profile.samples[i] ?? -1, nodes, parents) ?? where, micros)
    const file = frame.url.split('/').slice(-2).join('/')
    add(byFunction, `${frame.functionName || '(anonymous)'} (${where}${file ? ` ${file}:${frame.lineNumber + 1}` : ''})`, micros)
  }
  return { totalMicros, packages: sorted(byPackage), packagesWithNodeCharged: sorted(charged), functions: sorted(byFunction) }
}

/** The package of the nearest frame, from the sample's leaf up, that is not Node's own code. */
function chargedPackage(id: number, nodes: Map<number, CallFrame>, parents: Map<number, number>): string | undefined {
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const frame = nodes.get(at)
    if (!frame) return undefined
    const where = packageOf(frame.url, frame.functionName)
    if (where === '(root)') return undefined
    if (where !== 'node' && where !== 'node (native)') return where
  }
  return undefined
}

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros)
}

function sorted(map: Map<string, number>): SelfTime[] {
  return [...map].map(([name, micros]) => ({ name, micros })).sort((a, b) => b.micros - a.micros)
}

/** `fastify`, `@prisma/client`, `@cp/db`, `node` (its own JavaScript and natives), or a `(special)` frame's name. */
export function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : 'node (native)'
  if (url.startsWith('node:')) return 'node'
  const modules = url.lastIndexOf('/node_modules/')
  if (modules >= 0) {
    const [scope = '', name = ''] = url.slice(modules + '/node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  const workspace = /\/(apps|packages)\/([^/]+)\//.exec(url)
  if (workspace) {
    // The generated Prisma client lives in @cp/db's tree but is Prisma's code.
    if (url.includes('/generated/prisma/')) return '@cp/db (generated Prisma client)'
    return `@cp/${workspace[2]}`
  }
  return url.includes('/bench/') ? '@cp/bench' : 'other'
}
