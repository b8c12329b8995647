import { record, type SeedTally } from './tally.js'

type Row = Record<string, unknown>

/**
 * Whether a column value read back through Prisma equals what the seed wants to write: dates by instant, decimals
 * by value (Prisma hands back Decimal objects), everything else strictly.
 */
export function sameValue(current: unknown, wanted: unknown): boolean {
  if (current === null || current === undefined || wanted === null || wanted === undefined) {
    return (current ?? null) === (wanted ?? null)
  }
  if (current instanceof Date && wanted instanceof Date) return current.getTime() === wanted.getTime()
  if (typeof current === 'object' && 'toFixed' in current) return Number(String(current)) === Number(String(wanted))
  return current === wanted
}

/** The fields of `wanted` whose value in `row` differs. */
export function changedFields<D extends Row>(row: Row, wanted: D): Partial<D> {
  const changes: Partial<D> = {}
  for (const key of Object.keys(wanted) as Array<keyof D & string>) {
    if (!sameValue(row[key], wanted[key])) changes[key] = wanted[key]
  }
  return changes
}

export interface RowWriter<T, D> {
  create(data: D): Promise<T>
  update(row: T, changes: Partial<D>): Promise<T>
}

/**
 * Finds a row by its natural key and makes it hold `wanted`: created when missing, updated only in the fields that
 * differ (so a re-run issues no UPDATE and leaves the legacy `TimeStamp` alone), untouched when equal.
 */
export async function ensureRow<T extends Row, D extends Row>(
  tally: SeedTally,
  table: string,
  existing: T | null,
  wanted: D,
  writer: RowWriter<T, D>,
): Promise<T> {
  if (!existing) {
    record(tally, table, 'created')
    return writer.create(wanted)
  }
  const changes = changedFields(existing, wanted)
  if (Object.keys(changes).length === 0) {
    record(tally, table, 'unchanged')
    return existing
  }
  record(tally, table, 'updated')
  return writer.update(existing, changes)
}

/**
 * Makes the rows hanging off one seeded owner (a consultant's contracts, schedules, ...) exactly `wanted`: each
 * wanted row is matched to an existing one by `key`, existing rows no wanted row claims are deleted. The seed owns
 * these rows, so converging them is what keeps a scenario true after someone edited its data by hand.
 */
export async function syncRows<T extends Row, D extends Row>(
  tally: SeedTally,
  table: string,
  existing: readonly T[],
  wanted: readonly D[],
  key: { ofRow(row: T): string; ofData(data: D): string },
  writer: RowWriter<T, D> & { remove(rows: T[]): Promise<void> },
): Promise<T[]> {
  const unclaimed = [...existing]
  const result: T[] = []
  for (const data of wanted) {
    const index = unclaimed.findIndex((row) => key.ofRow(row) === key.ofData(data))
    const match = index >= 0 ? unclaimed.splice(index, 1)[0] : undefined
    result.push(await ensureRow(tally, table, match ?? null, data, writer))
  }
  if (unclaimed.length > 0) {
    record(tally, table, 'deleted', unclaimed.length)
    await writer.remove(unclaimed)
  }
  return result
}
