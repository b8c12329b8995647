import type { Connection } from 'mariadb'

/**
 * Multi-row `INSERT ... VALUES (...), (...)` in batches: one round trip per batch instead of per row is what makes
 * hundreds of thousands of rows take seconds. Values are escaped by the driver (text protocol).
 */
export async function insertRows(
  conn: Connection,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  batchSize: number,
): Promise<number> {
  const tuple = `(${columns.map(() => '?').join(',')})`
  const head = `INSERT INTO \`${table}\` (${columns.map((column) => `\`${column}\``).join(',')}) VALUES `
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize)
    await conn.query(head + batch.map(() => tuple).join(','), batch.flat())
  }
  return rows.length
}
