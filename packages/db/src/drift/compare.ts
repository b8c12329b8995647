import { formatColumnType, sameColumnType } from './column-type.js'
import { describeDefault, sameDefault } from './column-default.js'
import type {
  ColumnShape,
  DriftIssue,
  DriftReport,
  ExpectedSchema,
  ExpectedTable,
  IndexShape,
  LiveSchema,
  TableShape,
} from './types.js'

/**
 * Every text column of the legacy schema (and every table we add) is utf8mb4_unicode_ci; the schema cannot say
 * so, so it is expected here. MySQL 8.4 gives a table created without COLLATE utf8mb4_0900_ai_ci, and a
 * column moved to latin1 silently loses characters: both are drift.
 */
export const LEGACY_COLLATION = { charset: 'utf8mb4', name: 'utf8mb4_unicode_ci' } as const
const TEXT_TYPES = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set'])

/**
 * The legacy `TimeStamp` columns move by themselves (`ON UPDATE CURRENT_TIMESTAMP`, 0_init) and the legacy
 * application relies on it; Prisma maps them as plain `@default(now())` fields because it cannot declare that.
 */
export function expectsOnUpdateNow(column: ColumnShape): boolean {
  return column.name.toLowerCase() === 'timestamp' && column.type.base === 'timestamp'
}

/** Prisma's own bookkeeping table: present in every migrated database, never in the schema. */
const PRISMA_MIGRATIONS_TABLE = '_prisma_migrations'

/**
 * Compares what the Prisma schema expects with what the database has. Table names compare exactly (they are
 * case-sensitive on Linux); column and index names case-insensitively, as MySQL resolves them.
 */
export function compareSchemas(expected: ExpectedSchema, live: LiveSchema): DriftReport {
  const issues: DriftIssue[] = []
  const unchecked: DriftReport['unchecked'] = []
  const liveTables = new Map(live.tables.map((table) => [table.name, table]))
  let tablesCompared = 0

  for (const table of expected.tables) {
    const liveTable = liveTables.get(table.name)
    if (!liveTable) {
      issues.push({ kind: 'missing-table', table: table.name, model: table.model })
      continue
    }
    tablesCompared++
    const hiddenColumns = expected.hidden.columns.filter((c) => c.table === table.name).map((c) => c.column)
    issues.push(...compareColumns(table, liveTable, hiddenColumns, unchecked))
    issues.push(...compareIndexes(table, liveTable))
  }

  const declared = new Set(expected.tables.map((table) => table.name))
  for (const table of live.tables) {
    if (declared.has(table.name) || table.name === PRISMA_MIGRATIONS_TABLE) continue
    if (expected.hidden.tables.some((hidden) => hidden.table === table.name)) unchecked.push({ table: table.name })
    else issues.push({ kind: 'extra-table', table: table.name })
  }
  for (const { table, model } of expected.hidden.tables) {
    if (!liveTables.has(table)) issues.push({ kind: 'missing-table', table, model })
  }

  return {
    database: live.database,
    flavor: live.flavor,
    version: live.version,
    tablesCompared,
    issues,
    unchecked,
    hasDrift: issues.length > 0,
  }
}

function compareColumns(
  table: ExpectedTable,
  liveTable: TableShape,
  hiddenColumns: string[],
  unchecked: DriftReport['unchecked'],
): DriftIssue[] {
  const issues: DriftIssue[] = []
  const liveColumns = new Map(liveTable.columns.map((column) => [column.name.toLowerCase(), column]))
  for (const column of table.columns) {
    const liveColumn = liveColumns.get(column.name.toLowerCase())
    if (!liveColumn) {
      issues.push({
        kind: 'missing-column',
        table: table.name,
        column: column.name,
        field: column.field,
        expected: describeColumn(column),
      })
      continue
    }
    issues.push(...compareColumn(table.name, column, liveColumn))
  }
  const declared = new Set(table.columns.map((column) => column.name.toLowerCase()))
  const hidden = new Set(hiddenColumns.map((column) => column.toLowerCase()))
  for (const column of liveTable.columns) {
    const key = column.name.toLowerCase()
    if (declared.has(key)) continue
    if (hidden.has(key)) unchecked.push({ table: table.name, column: column.name })
    else issues.push({ kind: 'extra-column', table: table.name, column: column.name, actual: describeColumn(column) })
  }
  return issues
}

function compareColumn(table: string, expected: ColumnShape, actual: ColumnShape): DriftIssue[] {
  const issues: DriftIssue[] = []
  const column = expected.name
  if (expected.type.base === 'enum' && actual.type.base === 'enum') {
    const expectedValues = expected.type.values ?? []
    const actualValues = actual.type.values ?? []
    if (expectedValues.join('\u0000') !== actualValues.join('\u0000')) {
      issues.push({
        kind: 'enum-values',
        table,
        column,
        expected: formatColumnType(expected.type),
        actual: formatColumnType(actual.type),
        missingInDatabase: expectedValues.filter((value) => !actualValues.includes(value)),
        extraInDatabase: actualValues.filter((value) => !expectedValues.includes(value)),
      })
    }
  } else if (!sameColumnType(expected.type, actual.type)) {
    issues.push({
      kind: 'type',
      table,
      column,
      expected: formatColumnType(expected.type),
      actual: formatColumnType(actual.type),
    })
  }
  if (expected.nullable !== actual.nullable) {
    issues.push({
      kind: 'nullability',
      table,
      column,
      expectedNullable: expected.nullable,
      actualNullable: actual.nullable,
    })
  }
  if (!sameDefault(expected.default, actual.default, expected.type)) {
    issues.push({
      kind: 'default',
      table,
      column,
      expected: describeDefault(expected.default, expected.type),
      actual: describeDefault(actual.default, actual.type),
    })
  }
  if (actual.generated) return issues
  if (TEXT_TYPES.has(expected.type.base) && actual.collation) {
    const { charset, name } = actual.collation
    if (charset !== LEGACY_COLLATION.charset || name !== LEGACY_COLLATION.name) {
      issues.push({
        kind: 'collation',
        table,
        column,
        expected: `${LEGACY_COLLATION.charset}/${LEGACY_COLLATION.name}`,
        actual: `${charset}/${name}`,
      })
    }
  }
  const onUpdateExpected = expectsOnUpdateNow(expected)
  if (actual.onUpdateNow !== undefined && actual.onUpdateNow !== onUpdateExpected) {
    issues.push({ kind: 'on-update', table, column, expected: onUpdateExpected, actual: actual.onUpdateNow })
  }
  return issues
}

function compareIndexes(table: ExpectedTable, liveTable: TableShape): DriftIssue[] {
  const issues: DriftIssue[] = []
  const liveIndexes = new Map(liveTable.indexes.map((index) => [index.name.toLowerCase(), index]))
  for (const index of table.indexes) {
    const liveIndex = liveIndexes.get(index.name.toLowerCase())
    if (!liveIndex) {
      issues.push({ kind: 'missing-index', table: table.name, index: index.name, expected: describeIndex(index) })
    } else if (describeIndex(index).toLowerCase() !== describeIndex(liveIndex).toLowerCase()) {
      issues.push({
        kind: 'index',
        table: table.name,
        index: index.name,
        expected: describeIndex(index),
        actual: describeIndex(liveIndex),
      })
    }
  }
  const declared = new Set(table.indexes.map((index) => index.name.toLowerCase()))
  for (const index of liveTable.indexes) {
    if (declared.has(index.name.toLowerCase())) continue
    issues.push({ kind: 'extra-index', table: table.name, index: index.name, actual: describeIndex(index) })
  }
  return issues
}

/** `varchar(32) NULL`, `int NOT NULL`: what a missing or extra column would be. */
export function describeColumn(column: ColumnShape): string {
  return `${formatColumnType(column.type)} ${column.nullable ? 'NULL' : 'NOT NULL'}`
}

/** `UNIQUE (Email)`, `INDEX (Status, Name(10) DESC)`, `PRIMARY KEY (Customer_ID)`. */
export function describeIndex(index: IndexShape): string {
  const keyword = {
    primary: 'PRIMARY KEY',
    unique: 'UNIQUE',
    normal: 'INDEX',
    fulltext: 'FULLTEXT',
    spatial: 'SPATIAL',
  }[index.kind]
  const columns = index.columns.map(
    (c) => `${c.name}${c.length === undefined ? '' : `(${c.length})`}${c.descending ? ' DESC' : ''}`,
  )
  return `${keyword} (${columns.join(', ')})`
}
