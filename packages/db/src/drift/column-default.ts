import { quoteSqlString, unescapeSqlString } from './column-type.js'
import type { ColumnDefault, ColumnType, ServerFlavor } from './types.js'

/** A DMMF field default: a constant, or a function such as `{ name: 'now', args: [] }`. */
export type DmmfDefault = { name: string; args: unknown[] } | string | number | boolean | unknown[]

const NUMERIC_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'decimal', 'float', 'double', 'year'])
const TEMPORAL_TYPES = new Set(['datetime', 'timestamp', 'date', 'time'])
// Defaults Prisma computes in the client: the column itself has none.
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid'])
const NOW_PATTERN = /^(current_timestamp|now|localtimestamp|localtime)\s*(\(\s*\d*\s*\))?$/i

/**
 * The default a field declares, with enum values translated to their database names (`enumDbName`), since
 * the database stores the `@map`ped value.
 */
export function expectedDefault(
  fieldDefault: DmmfDefault | undefined,
  enumDbName?: (value: string) => string,
): ColumnDefault {
  if (fieldDefault === undefined) return { kind: 'none' }
  if (typeof fieldDefault === 'boolean') return { kind: 'literal', value: fieldDefault ? '1' : '0' }
  if (typeof fieldDefault === 'number') return { kind: 'literal', value: String(fieldDefault) }
  if (typeof fieldDefault === 'string') {
    return { kind: 'literal', value: enumDbName ? enumDbName(fieldDefault) : fieldDefault }
  }
  if (Array.isArray(fieldDefault)) return { kind: 'expression', sql: JSON.stringify(fieldDefault) }
  if (fieldDefault.name === 'autoincrement') return { kind: 'autoincrement' }
  if (fieldDefault.name === 'now') return { kind: 'now' }
  if (CLIENT_SIDE_DEFAULTS.has(fieldDefault.name)) return { kind: 'none' }
  if (fieldDefault.name === 'dbgenerated') {
    const [sql] = fieldDefault.args
    return typeof sql === 'string' ? classifyDefaultSql(sql) : { kind: 'expression', sql: '' }
  }
  return { kind: 'expression', sql: `${fieldDefault.name}()` }
}

/**
 * Reads `COLUMN_DEFAULT` and `EXTRA`. MariaDB (10.2.7+) quotes string literals (`'Active'`), writes
 * functions in lower case with parentheses (`current_timestamp()`) and reports a nullable column's absent
 * default as the text `NULL`. MySQL 8 returns literals unquoted (`Active`) and marks expressions with
 * `DEFAULT_GENERATED` in `EXTRA` (`CURRENT_TIMESTAMP`).
 */
export function liveDefault(
  flavor: ServerFlavor,
  columnDefault: string | null,
  extra: string,
  type: ColumnType,
): ColumnDefault {
  if (/\bauto_increment\b/i.test(extra)) return { kind: 'autoincrement' }
  if (columnDefault === null) return { kind: 'none' }
  if (flavor === 'mariadb') {
    if (columnDefault === 'NULL') return { kind: 'none' }
    return classifyDefaultSql(columnDefault)
  }
  if (/\bDEFAULT_GENERATED\b/i.test(extra)) return classifyDefaultSql(columnDefault)
  // A temporal column cannot hold the text CURRENT_TIMESTAMP, so this is the function even without the flag.
  if (TEMPORAL_TYPES.has(type.base) && NOW_PATTERN.test(columnDefault.trim())) return { kind: 'now' }
  return { kind: 'literal', value: columnDefault }
}

/** A default written as SQL (`dbgenerated(...)`, MariaDB's COLUMN_DEFAULT, MySQL's generated defaults). */
export function classifyDefaultSql(sql: string): ColumnDefault {
  const text = stripOuterParentheses(sql.trim())
  if (NOW_PATTERN.test(text)) return { kind: 'now' }
  const quoted = /^'((?:[^'\\]|''|\\.)*)'$/s.exec(text)
  if (quoted) return { kind: 'literal', value: unescapeSqlString(quoted[1] ?? '') }
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { kind: 'literal', value: text }
  if (/^null$/i.test(text)) return { kind: 'none' }
  return { kind: 'expression', sql: text }
}

export function sameDefault(expected: ColumnDefault, actual: ColumnDefault, type: ColumnType): boolean {
  // `dbgenerated()` without an argument promises "some database default" and nothing more.
  if (expected.kind === 'expression' && expected.sql === '') return actual.kind !== 'none'
  if (expected.kind === 'literal' && actual.kind === 'literal') {
    return canonicalLiteral(expected.value, type) === canonicalLiteral(actual.value, type)
  }
  if (expected.kind === 'expression' && actual.kind === 'expression') {
    return normalizeExpression(expected.sql) === normalizeExpression(actual.sql)
  }
  return expected.kind === actual.kind
}

export function describeDefault(value: ColumnDefault, type: ColumnType): string {
  switch (value.kind) {
    case 'none':
      return 'no default'
    case 'autoincrement':
      return 'AUTO_INCREMENT'
    case 'now':
      return 'CURRENT_TIMESTAMP'
    case 'literal':
      return NUMERIC_TYPES.has(type.base) ? canonicalLiteral(value.value, type) : quoteSqlString(value.value)
    case 'expression':
      return value.sql === '' ? 'a database default' : `(${value.sql})`
  }
}

function canonicalLiteral(value: string, type: ColumnType): string {
  if (NUMERIC_TYPES.has(type.base)) return canonicalNumber(value)
  if (TEMPORAL_TYPES.has(type.base)) return canonicalDateTime(value)
  return value
}

// `0.00`, `0` and `-0` are one default; so are `1.50` and `1.5` (DECIMAL columns report the scale).
function canonicalNumber(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim())
  if (!match) {
    const number = Number(text)
    return Number.isFinite(number) ? String(number) : text
  }
  const [, sign, digits = '', fraction = ''] = match
  const integer = digits.replace(/^0+/, '') || '0'
  const decimals = fraction.replace(/0+$/, '')
  const body = decimals ? `${integer}.${decimals}` : integer
  return sign === '-' && body !== '0' ? `-${body}` : body
}

// Prisma writes `2020-01-01T00:00:00+00:00`, the database `2020-01-01 00:00:00` or `... 00:00:00.000`.
function canonicalDateTime(text: string): string {
  return text
    .trim()
    .replace('T', ' ')
    .replace(/(Z|[+-]00:?00)$/, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '')
}

function normalizeExpression(sql: string): string {
  return stripOuterParentheses(sql.trim()).replace(/\s+/g, '').toLowerCase()
}

function stripOuterParentheses(sql: string): string {
  let text = sql
  while (text.startsWith('(') && text.endsWith(')') && enclosesWhole(text)) text = text.slice(1, -1).trim()
  return text
}

// True for `(a + b)`, false for `(a) + (b)`: the first parenthesis closes only at the end.
function enclosesWhole(text: string): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')') depth--
    if (depth === 0 && i < text.length - 1) return false
  }
  return depth === 0
}
