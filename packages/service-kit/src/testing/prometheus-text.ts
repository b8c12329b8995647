/** One sample line of the Prometheus text format: `name{label="value",...} value`. */
export interface MetricSample {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: -?\d+)?$/
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y
const COMMENT = /^# (?:HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (?:counter|gauge|histogram|summary|untyped))$/

/**
 * Parses the Prometheus text exposition format (version 0.0.4) strictly, for tests: a line that is neither a
 * HELP/TYPE comment, a sample nor empty throws, naming the line.
 */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = []
  for (const [index, line] of text.split('\n').entries()) {
    if (line === '') continue
    if (line.startsWith('#')) {
      if (!COMMENT.test(line)) throw new Error(`line ${index + 1} is not a HELP or TYPE comment: ${line}`)
      continue
    }
    const match = SAMPLE.exec(line)
    const value = match ? parseSampleValue(match[3] as string) : undefined
    if (!match || value === undefined) throw new Error(`line ${index + 1} is not a sample: ${line}`)
    samples.push({ name: match[1] as string, labels: parseLabels(match[2] ?? '', index + 1), value })
  }
  return samples
}

/** Prometheus reads values with Go's ParseFloat: NaN and Inf in any letter case (prom-client writes `Nan`). */
function parseSampleValue(text: string): number | undefined {
  const word = text.toLowerCase()
  if (word === '+inf' || word === 'inf') return Number.POSITIVE_INFINITY
  if (word === '-inf') return Number.NEGATIVE_INFINITY
  if (word === 'nan') return Number.NaN
  const value = Number(text)
  return text.trim() === '' || Number.isNaN(value) ? undefined : value
}

function parseLabels(text: string, lineNumber: number): Record<string, string> {
  const labels: Record<string, string> = {}
  LABEL.lastIndex = 0
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex
    const match = LABEL.exec(text)
    if (!match) throw new Error(`line ${lineNumber}: bad labels at "${text.slice(start)}"`)
    labels[match[1] as string] = (match[2] as string).replace(/\\(.)/g, (_all, c: string) => (c === 'n' ? '\n' : c))
  }
  return labels
}

/** The value of the one sample named `name` whose labels include `labels`; 0 when there is none yet. */
export function sampleValue(samples: readonly MetricSample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`)
  return found[0]?.value ?? 0
}

/** GETs `/metrics` from a metrics port over real HTTP and parses it; fails on any answer but 200 Prometheus text. */
export async function scrapeMetrics(port: number, host = '127.0.0.1'): Promise<MetricSample[]> {
  const response = await fetch(`http://${host}:${port}/metrics`)
  const body = await response.text()
  const type = response.headers.get('content-type') ?? ''
  if (response.status !== 200 || !type.startsWith('text/plain; version=0.0.4')) {
    throw new Error(`GET /metrics answered ${response.status} ${type}: ${body.slice(0, 200)}`)
  }
  return parsePrometheusText(body)
}
