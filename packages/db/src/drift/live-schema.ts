import { createConnection, type Connection, type ConnectionConfig } from 'mariadb'
import { parseDatabaseUrl, type ConnectionOptions } from '../config.js'
import { canonicalColumnType, parseColumnType } from './column-type.js'
import { liveDefault } from './column-default.js'
import { DriftCheckError } from './errors.js'
import type { ColumnShape, IndexKind, IndexShape, LiveSchema, ServerFlavor, TableShape } from './types.js'

/** Connection options for the `mariadb` driver from a `mysql://` or `mariadb://` URL naming a database. */
export function connectionConfigFromUrl(url: string): ConnectionConfig {
  let options: ConnectionOptions
  try {
    options = parseDatabaseUrl(url)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new DriftCheckError('usage', `the database URL is not usable (mysql://user:password@host:port/database): ${reason}`)
  }
  if (options.database === undefined) {
    throw new DriftCheckError('usage', 'the database URL names no database (mysql://host:port/<database>)')
  }
  return { connectTimeout: 10_000, ...options }
}

/** Opens a connection to the database in `url`, with errors that say which server could not be reached. */
export async function connectForDriftCheck(url: string): Promise<Connection> {
  const config = connectionConfigFromUrl(url)
  try {
    return await createConnection(config)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new DriftCheckError(
      'connection',
      `cannot connect to ${config.host}:${config.port} database ${config.database}: ${reason}`,
      { cause: error },
    )
  }
}

export interface ColumnRow {
  tableName: string
  columnName: string
  columnType: string
  isNullable: string
  columnDefault: string | null
  extra: string
  /** NULL for non-text types (both servers). */
  characterSetName: string | null
  collationName: string | null
  /** MySQL: '' for ordinary columns; MariaDB: NULL. */
  generationExpression: string | null
}

export interface IndexRow {
  tableName: string
  indexName: string
  nonUnique: number | bigint | string
  columnName: string | null
  subPart: number | bigint | string | null
  collation: string | null
  indexType: string
}

export interface CheckRow {
  tableName: string
  checkClause: string
}

/** What information_schema returned, before any interpretation. */
export interface InformationSchemaRows {
  database: string
  version: string
  tables: string[]
  columns: ColumnRow[]
  indexes: IndexRow[]
  /** MariaDB's CHECK_CONSTRAINTS (MySQL's lacks TABLE_NAME and never holds JSON checks). */
  checks: CheckRow[]
}

/** Reads tables, columns and indexes of the connection's current database from information_schema. */
export async function readLiveSchema(connection: Connection): Promise<LiveSchema> {
  return buildLiveSchema(await queryInformationSchema(connection))
}

async function queryInformationSchema(connection: Connection): Promise<InformationSchemaRows> {
  const [info] = (await connection.query('SELECT DATABASE() AS name, VERSION() AS version')) as {
    name: string | null
    version: string
  }[]
  const database = info?.name
  if (!database) throw new DriftCheckError('usage', 'the connection has no current database')
  // Aliases matter: MySQL 8 returns information_schema column labels in upper case whatever the query says.
  const tables = (await connection.query(
    `SELECT TABLE_NAME AS tableName FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
    [database],
  )) as { tableName: string }[]
  const columns = (await connection.query(
    `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, COLUMN_TYPE AS columnType,
            IS_NULLABLE AS isNullable, COLUMN_DEFAULT AS columnDefault, EXTRA AS extra,
            CHARACTER_SET_NAME AS characterSetName, COLLATION_NAME AS collationName,
            GENERATION_EXPRESSION AS generationExpression
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [database],
  )) as ColumnRow[]
  const indexes = (await connection.query(
    `SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, NON_UNIQUE AS nonUnique,
            COLUMN_NAME AS columnName, SUB_PART AS subPart, COLLATION AS collation, INDEX_TYPE AS indexType
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [database],
  )) as IndexRow[]
  const checks = /mariadb/i.test(info.version)
    ? ((await connection.query(
        `SELECT TABLE_NAME AS tableName, CHECK_CLAUSE AS checkClause
           FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`,
        [database],
      )) as CheckRow[])
    : []
  return { database, version: info.version, tables: tables.map((row) => row.tableName), columns, indexes, checks }
}

/** Interprets information_schema rows of either server as the shapes the comparison works on. */
export function buildLiveSchema(rows: InformationSchemaRows): LiveSchema {
  const flavor: ServerFlavor = /mariadb/i.test(rows.version) ? 'mariadb' : 'mysql'
  const jsonColumns = mariadbJsonColumns(rows.checks)
  const tables = rows.tables.map((tableName): TableShape => ({
    name: tableName,
    columns: rows.columns
      .filter((row) => row.tableName === tableName)
      .map((row) => toColumnShape(row, flavor, jsonColumns.has(`${tableName}.${row.columnName}`))),
    indexes: toIndexShapes(rows.indexes.filter((row) => row.tableName === tableName)),
  }))
  return { database: rows.database, flavor, version: rows.version, tables }
}

function toColumnShape(row: ColumnRow, flavor: ServerFlavor, isMariadbJson: boolean): ColumnShape {
  const parsed = parseColumnType(row.columnType)
  const type = isMariadbJson && parsed.base === 'longtext' ? canonicalColumnType({ ...parsed, base: 'json' }) : parsed
  return {
    name: row.columnName,
    type,
    nullable: row.isNullable === 'YES',
    default: liveDefault(flavor, row.columnDefault, row.extra, type),
    // MariaDB's JSON is LONGTEXT in utf8mb4_bin, MySQL's JSON has no collation: neither is a text column's drift.
    ...(row.collationName && row.characterSetName && !isMariadbJson
      ? { collation: { charset: row.characterSetName.toLowerCase(), name: row.collationName.toLowerCase() } }
      : {}),
    // MySQL writes `on update CURRENT_TIMESTAMP`, MariaDB `on update current_timestamp()`, both maybe with (n).
    onUpdateNow: /\bon update current_timestamp\b/i.test(row.extra),
    generated: (row.generationExpression ?? '') !== '' || /\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.test(row.extra),
  }
}

/**
 * MariaDB's JSON is an alias: the column is LONGTEXT with a `CHECK (json_valid(col))` constraint named
 * after the column. Those columns are reported as `json`, like MySQL's native type.
 */
function mariadbJsonColumns(checks: CheckRow[]): Set<string> {
  const columns = new Set<string>()
  for (const { tableName, checkClause } of checks) {
    const column = /^\s*json_valid\(\s*`((?:[^`]|``)+)`\s*\)\s*$/i.exec(checkClause)?.[1]
    if (column !== undefined) columns.add(`${tableName}.${column.replaceAll('``', '`')}`)
  }
  return columns
}

function toIndexShapes(rows: IndexRow[]): IndexShape[] {
  const byName = new Map<string, IndexShape>()
  for (const row of rows) {
    let index = byName.get(row.indexName)
    if (!index) {
      index = { name: row.indexName, kind: indexKind(row), columns: [] }
      byName.set(row.indexName, index)
    }
    const subPart = row.subPart === null ? undefined : Number(row.subPart)
    index.columns.push({
      // MySQL 8 functional key parts have no column; they cannot come from a Prisma schema anyway.
      name: row.columnName ?? '(expression)',
      ...(subPart === undefined ? {} : { length: subPart }),
      descending: row.collation === 'D',
    })
  }
  return [...byName.values()]
}

function indexKind(row: IndexRow): IndexKind {
  if (row.indexName === 'PRIMARY') return 'primary'
  if (row.indexType === 'FULLTEXT') return 'fulltext'
  if (row.indexType === 'SPATIAL') return 'spatial'
  return Number(row.nonUnique) === 0 ? 'unique' : 'normal'
}
