/** A Kubernetes label selector: `matchLabels` and `matchExpressions` (the form every API object uses). */
export type LabelSelector = {
  matchLabels?: Record<string, string>
  /** `operator` is In, NotIn, Exists or DoesNotExist; the API refuses any other, and so does `selects`. */
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

/** Whether a selector selects an object with these labels, by the API's rules (an empty selector selects all). */
export function selects(selector: LabelSelector, labels: Record<string, string> = {}): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    if (!holds(operator, labels, key, values)) return false
  }
  return true
}

/** A Service's `selector` is a plain map, the same as `matchLabels`. */
export function fromMap(map: Record<string, string>): LabelSelector {
  return { matchLabels: map }
}

function holds(operator: string, labels: Record<string, string>, key: string, values: string[]): boolean {
  const value = Object.hasOwn(labels, key) ? labels[key] : undefined
  switch (operator) {
    case 'In':
      return value !== undefined && values.includes(value)
    case 'NotIn':
      return value === undefined || !values.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    default:
      return false
  }
}
