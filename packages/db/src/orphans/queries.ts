import { quoteIdentifier as q } from '../config.js'
import type { DeclaredRelation } from './relations.js'

/**
 * The rows of `relation.table` whose reference points at nothing: the reference is set (not NULL, and not 0 where
 * 0 means none) and no row of the referenced table has those values. The referenced side is always a primary or
 * unique key, so each row is looked up by that key (eq_ref) and never by scanning the referenced table; the
 * owning table is read once, which counting its rows needs anyway.
 */
function orphanedRows(relation: DeclaredRelation): string {
  const child = (column: string) => `c.${q(column)}`
  const join = relation.columns
    .map((column, i) => `p.${q(relation.referencedColumns[i] ?? column)} = ${child(column)}`)
    .join(' AND ')
  const set = relation.columns.map((column) => `${child(column)} IS NOT NULL`)
  if (relation.zeroMeansNone) set.push(...relation.columns.map((column) => `${child(column)} <> 0`))
  const missing = `p.${q(relation.referencedColumns[0] ?? '')} IS NULL`
  return `FROM ${q(relation.table)} AS c LEFT JOIN ${q(relation.referencedTable)} AS p ON ${join} WHERE ${[...set, missing].join(' AND ')}`
}

export interface OrphanQueries {
  /** One row: `orphans`. */
  count: string
  /** Up to `?` rows: the owning row's key columns as `key_0`, `key_1`, … and the reference as `ref_0`, … */
  sample: string
}

export function orphanQueries(relation: DeclaredRelation): OrphanQueries {
  const keys = relation.keyColumns.map((column, i) => `c.${q(column)} AS key_${i}`)
  const refs = relation.columns.map((column, i) => `c.${q(column)} AS ref_${i}`)
  const order = relation.keyColumns.map((column) => `c.${q(column)}`).join(', ')
  return {
    count: `SELECT COUNT(*) AS orphans ${orphanedRows(relation)}`,
    sample: `SELECT ${[...keys, ...refs].join(', ')} ${orphanedRows(relation)} ORDER BY ${order} LIMIT ?`,
  }
}
