/** What one seed run did to one table. */
export interface TableTally {
  created: number
  updated: number
  deleted: number
  unchanged: number
}

export type SeedTally = Record<string, TableTally>

export type Outcome = keyof TableTally

export function record(tally: SeedTally, table: string, outcome: Outcome, count = 1): void {
  const entry = (tally[table] ??= { created: 0, updated: 0, deleted: 0, unchanged: 0 })
  entry[outcome] += count
}

/** `customers: 3 created, 1 updated, 20 unchanged` lines, tables in the order they were first touched. */
export function formatTally(tally: SeedTally): string[] {
  return Object.entries(tally).map(([table, counts]) => {
    const parts = (['created', 'updated', 'deleted', 'unchanged'] as const)
      .filter((outcome) => counts[outcome] > 0)
      .map((outcome) => `${counts[outcome]} ${outcome}`)
    return `${table}: ${parts.join(', ') || 'nothing'}`
  })
}
