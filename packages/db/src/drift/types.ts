// Both sides of the comparison are reduced to the same shapes, so the comparison itself never needs to know
// whether a value came from the Prisma datamodel, from MySQL or from MariaDB.

/** A column type in canonical form: `varchar(32)` is `{ base: 'varchar', params: [32] }`. */
export interface ColumnType {
  /** Lower-case MySQL type name: `int`, `varchar`, `decimal`, `datetime`, `enum`, `json`, ... */
  base: string
  /** Length, precision and scale, or fractional-second precision; empty when the type takes none. */
  params: number[]
  unsigned: boolean
  /** The values of an `enum`, in declaration order. */
  values?: string[]
}

export type ColumnDefault =
  | { kind: 'none' }
  | { kind: 'autoincrement' }
  /** `now()` in Prisma, `CURRENT_TIMESTAMP[(n)]` in MySQL, `current_timestamp()` in MariaDB. */
  | { kind: 'now' }
  /** A constant, as text: strings unquoted, booleans as `1`/`0`, enum values by their database name. */
  | { kind: 'literal'; value: string }
  /** Any other SQL expression (`dbgenerated(...)` in Prisma). */
  | { kind: 'expression'; sql: string }

export interface ColumnShape {
  name: string
  type: ColumnType
  nullable: boolean
  default: ColumnDefault
  /** Live columns only: `utf8mb4/utf8mb4_unicode_ci` (CHARACTER_SET_NAME/COLLATION_NAME); absent for non-text types. */
  collation?: { charset: string; name: string }
  /** Live columns only: `ON UPDATE CURRENT_TIMESTAMP` in EXTRA. */
  onUpdateNow?: boolean
  /** Live columns only: a generated column (GENERATION_EXPRESSION), whose value the database computes. */
  generated?: boolean
}

export type IndexKind = 'primary' | 'unique' | 'normal' | 'fulltext' | 'spatial'

export interface IndexColumn {
  name: string
  /** Prefix length (`@@index([name(length: 10)])`, `SUB_PART`). */
  length?: number
  descending: boolean
}

export interface IndexShape {
  name: string
  kind: IndexKind
  columns: IndexColumn[]
}

export interface TableShape {
  name: string
  columns: ColumnShape[]
  indexes: IndexShape[]
}

export interface ExpectedColumn extends ColumnShape {
  /** The Prisma field the column comes from. */
  field: string
}

export interface ExpectedTable extends TableShape {
  model: string
  columns: ExpectedColumn[]
}

/**
 * Tables and columns the schema declares but keeps out of the datamodel (`@@ignore`, `@ignore`,
 * `Unsupported(...)`): they exist on purpose, so they are not reported as extra, and their shape is not checked.
 */
export interface HiddenSchemaItems {
  tables: { table: string; model: string }[]
  columns: { table: string; column: string }[]
}

export interface ExpectedSchema {
  tables: ExpectedTable[]
  hidden: HiddenSchemaItems
}

export type ServerFlavor = 'mysql' | 'mariadb'

export interface LiveSchema {
  database: string
  flavor: ServerFlavor
  /** `VERSION()` as the server reports it. */
  version: string
  tables: TableShape[]
}

/**
 * One difference. "missing" means declared in the Prisma schema but absent from the database; "extra" means
 * present in the database but absent from the schema. Types, defaults and indexes are described as text in
 * MySQL terms (`varchar(32)`, `'Active'`, `UNIQUE (Email)`).
 */
export type DriftIssue =
  | { kind: 'missing-table'; table: string; model: string }
  | { kind: 'extra-table'; table: string }
  | { kind: 'missing-column'; table: string; column: string; field: string; expected: string }
  | { kind: 'extra-column'; table: string; column: string; actual: string }
  | { kind: 'type'; table: string; column: string; expected: string; actual: string }
  | {
      kind: 'enum-values'
      table: string
      column: string
      expected: string
      actual: string
      /** Values the schema has and the database lacks. */
      missingInDatabase: string[]
      /** Values the database has and the schema lacks. */
      extraInDatabase: string[]
    }
  | { kind: 'nullability'; table: string; column: string; expectedNullable: boolean; actualNullable: boolean }
  | { kind: 'default'; table: string; column: string; expected: string; actual: string }
  /** `utf8mb4/utf8mb4_unicode_ci`: charset and collation of a text column. */
  | { kind: 'collation'; table: string; column: string; expected: string; actual: string }
  /** Whether the column has `ON UPDATE CURRENT_TIMESTAMP`. */
  | { kind: 'on-update'; table: string; column: string; expected: boolean; actual: boolean }
  | { kind: 'missing-index'; table: string; index: string; expected: string }
  | { kind: 'extra-index'; table: string; index: string; actual: string }
  | { kind: 'index'; table: string; index: string; expected: string; actual: string }

export type DriftIssueKind = DriftIssue['kind']

export interface DriftReport {
  database: string
  flavor: ServerFlavor
  version: string
  /** Tables present on both sides and compared column by column. */
  tablesCompared: number
  issues: DriftIssue[]
  /** Hidden schema items found in the database and left unchecked (see {@link HiddenSchemaItems}). */
  unchecked: { table: string; column?: string }[]
  hasDrift: boolean
}
