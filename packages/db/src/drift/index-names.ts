/** MySQL names every primary key PRIMARY, whatever the DDL says. */
export const PRIMARY_KEY_NAME = 'PRIMARY'

const MYSQL_MAX_IDENTIFIER_LENGTH = 64

/**
 * The name Prisma gives an index without `map:` (psl's ConstraintNames): `{table}_{columns joined by _}`
 * plus `_key` for unique and `_idx` for other indexes, from database names, cut to fit MySQL's 64 bytes.
 */
export function defaultIndexName(table: string, columns: readonly string[], unique: boolean): string {
  const suffix = unique ? '_key' : '_idx'
  const limit = MYSQL_MAX_IDENTIFIER_LENGTH - suffix.length
  const stem = Buffer.from(`${table}_${columns.join('_')}`, 'utf8')
  if (stem.length < limit) return `${stem.toString('utf8')}${suffix}`
  let cut = limit
  // Never split a multi-byte character: back up to the start of the one the cut falls into.
  while (cut > 0 && ((stem[cut] ?? 0) & 0xc0) === 0x80) cut--
  return `${stem.subarray(0, cut).toString('utf8')}${suffix}`
}
