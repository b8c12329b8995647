import type { Connection } from 'mariadb'
import type { SchemaSource } from '../drift/datamodel.js'
import { DriftCheckError } from '../drift/errors.js'
import { connectForDriftCheck } from '../drift/live-schema.js'
import { orphanQueries } from './queries.js'
import { type DeclaredRelation, loadDeclaredRelations } from './relations.js'

export type CheckOrphansOptions = SchemaSource & {
  /** `mysql://user:password@host:port/database`; the database in the URL is the one checked. */
  url: string
  /** How many orphaned rows each relation names; 5 by default. */
  sampleSize?: number
}

export interface RelationOrphans {
  /** `Consultant.customer` */
  relation: string
  table: string
  columns: string[]
  keyColumns: string[]
  referencedTable: string
  referencedColumns: string[]
  orphans: number
  /** The first orphaned rows by primary key: their key and the reference that points at nothing, as text. */
  sample: { key: string[]; reference: string[] }[]
}

export interface OrphanReport {
  database: string
  relations: RelationOrphans[]
  /** Orphaned rows over all relations. */
  orphans: number
  hasOrphans: boolean
}

/**
 * Counts, for every relation the Prisma schema declares, the rows of a live database whose reference points at
 * nothing. Reads only. Throws {@link DriftCheckError} when it cannot run.
 */
export async function checkOrphans(options: CheckOrphansOptions): Promise<OrphanReport> {
  const relations = await loadDeclaredRelations(options)
  const connection = await connectForDriftCheck(options.url)
  try {
    const [{ database }] = (await connection.query('SELECT DATABASE() AS `database`')) as [{ database: string }]
    const results: RelationOrphans[] = []
    for (const relation of relations) results.push(await countOrphans(connection, relation, options.sampleSize ?? 5))
    const orphans = results.reduce((sum, result) => sum + result.orphans, 0)
    return { database, relations: results, orphans, hasOrphans: orphans > 0 }
  } catch (error) {
    if (error instanceof DriftCheckError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new DriftCheckError('connection', `cannot count orphaned rows: ${reason}`, { cause: error })
  } finally {
    await connection.end().catch(() => undefined)
  }
}

async function countOrphans(connection: Connection, relation: DeclaredRelation, sampleSize: number): Promise<RelationOrphans> {
  const queries = orphanQueries(relation)
  const [row] = (await connection.query(queries.count)) as [{ orphans: number | bigint }]
  const orphans = Number(row.orphans)
  const rows =
    orphans > 0 && sampleSize > 0 ? ((await connection.query(queries.sample, [sampleSize])) as Record<string, unknown>[]) : []
  return {
    relation: `${relation.model}.${relation.field}`,
    table: relation.table,
    columns: relation.columns,
    keyColumns: relation.keyColumns,
    referencedTable: relation.referencedTable,
    referencedColumns: relation.referencedColumns,
    orphans,
    sample: rows.map((sampled) => ({
      key: relation.keyColumns.map((_, i) => String(sampled[`key_${i}`])),
      reference: relation.columns.map((_, i) => String(sampled[`ref_${i}`])),
    })),
  }
}

/** The report as text: one line per relation with orphans, then a summary line. */
export function formatOrphanReport(report: OrphanReport): string {
  const broken = report.relations.filter((result) => result.orphans > 0)
  const lines = broken.map((result) => {
    const columns = (table: string, names: string[]) => `${table}.${names.join('+')}`
    const rows = result.orphans === 1 ? 'row' : 'rows'
    const sample = result.sample.map((s) => `${s.key.join('/')} (${s.reference.join('/')})`).join(', ')
    const more = result.orphans > result.sample.length ? ', …' : ''
    return (
      `${columns(result.table, result.columns)} -> ${columns(result.referencedTable, result.referencedColumns)} ` +
      `(${result.relation}): ${result.orphans} orphaned ${rows}; ${result.keyColumns.join('/')} (reference): ${sample}${more}`
    )
  })
  const checked = `${report.relations.length} relations checked`
  if (broken.length === 0) return `No orphans: database ${report.database}, ${checked}.`
  return [...lines, `${report.orphans} orphaned rows in ${broken.length} of ${report.relations.length} relations (database ${report.database}).`].join('\n')
}

export { orphanQueries, type OrphanQueries } from './queries.js'
export { type DeclaredRelation, declaredRelations, loadDeclaredRelations } from './relations.js'
