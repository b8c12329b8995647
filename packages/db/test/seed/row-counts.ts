import type { Connection } from 'mariadb'

/** Rows per table of the connection's database, for before/after comparisons. */
export async function rowCounts(conn: Connection): Promise<Record<string, number>> {
  const tables: Array<{ name: string }> = await conn.query(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = (await conn.query(`SELECT COUNT(*) AS n FROM \`${name}\``)) as Array<{ n: bigint | number }>
    counts[name] = Number(row?.n ?? 0)
  }
  return counts
}
