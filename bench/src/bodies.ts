import type { Target } from './measure.js'

export interface BodyCheck {
  readonly same: boolean
  readonly bytes: number
  /** Why they differ, with the first differing lines of both bodies pretty-printed; empty when the same. */
  readonly report: string
}

/** Fetches both targets once and compares status and body bytes (headers may differ). */
export async function compareBodies(a: Target, b: Target): Promise<BodyCheck> {
  const [left, right] = await Promise.all([a, b].map(fetchBody))
  if (left === undefined || right === undefined) throw new Error('unreachable')
  const problems: string[] = []
  if (left.status !== 200 || right.status !== 200) {
    problems.push(`status ${left.status} from ${a.server.name}, ${right.status} from ${b.server.name} (200 expected)`)
  }
  if (left.body !== right.body) problems.push(describeDifference(a.server.name, left.body, b.server.name, right.body))
  return { same: problems.length === 0, bytes: Buffer.byteLength(left.body), report: problems.join('\n') }
}

async function fetchBody({ server, path, headers }: Target): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.url}${path}`, { headers: headers ?? {}, signal: AbortSignal.timeout(30_000) })
  return { status: response.status, body: await response.text() }
}

function describeDifference(leftName: string, left: string, rightName: string, right: string): string {
  const at = firstDifference(left, right)
  const lines = [
    `bodies differ at byte ${at} (${Buffer.byteLength(left)} bytes from ${leftName}, ${Buffer.byteLength(right)} from ${rightName}):`,
    `  ${leftName}: …${left.slice(Math.max(0, at - 60), at + 60)}…`,
    `  ${rightName}: …${right.slice(Math.max(0, at - 60), at + 60)}…`,
  ]
  const [prettyLeft, prettyRight] = [left, right].map(pretty)
  if (prettyLeft && prettyRight) {
    lines.push('  first differing lines (pretty-printed; - left, + right):')
    const l = prettyLeft.split('\n')
    const r = prettyRight.split('\n')
    let shown = 0
    for (let i = 0; i < Math.max(l.length, r.length) && shown < 12; i += 1) {
      if (l[i] === r[i]) continue
      lines.push(`  ${String(i + 1).padStart(5)} - ${l[i] ?? '(none)'}`, `  ${String(i + 1).padStart(5)} + ${r[i] ?? '(none)'}`)
      shown += 1
    }
  }
  return lines.join('\n')
}

function firstDifference(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1
  return i
}

function pretty(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return undefined
  }
}
