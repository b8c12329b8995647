import type { ColumnType } from './types.js'

/** The part of a DMMF field the column type depends on. */
export interface TypedField {
  kind: string
  type: string
  nativeType?: readonly [string, readonly string[]] | null
}

// Prisma's column type for a scalar without `@db.*` on MySQL (what `prisma migrate` would create).
const DEFAULT_COLUMN_TYPES: Record<string, ColumnType> = {
  String: { base: 'varchar', params: [191], unsigned: false },
  Int: { base: 'int', params: [], unsigned: false },
  BigInt: { base: 'bigint', params: [], unsigned: false },
  Boolean: { base: 'tinyint', params: [1], unsigned: false },
  DateTime: { base: 'datetime', params: [3], unsigned: false },
  Decimal: { base: 'decimal', params: [65, 30], unsigned: false },
  Float: { base: 'double', params: [], unsigned: false },
  Bytes: { base: 'longblob', params: [], unsigned: false },
  Json: { base: 'json', params: [], unsigned: false },
}

const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint'])
const FRACTIONAL_SECOND_TYPES = new Set(['datetime', 'timestamp', 'time'])
// MySQL's implicit length when none is written, so `@db.Char` and `CHAR(1)` compare equal.
const IMPLICIT_LENGTH: Record<string, number[]> = { char: [1], binary: [1], bit: [1], decimal: [10, 0] }

/**
 * The MySQL column type Prisma expects for a field: its `@db.*` native type, or Prisma's default for the
 * scalar, or the `ENUM(...)` of its enum (`enumValues` are the database names, `@map` already applied).
 */
export function expectedColumnType(field: TypedField, enumValues?: readonly string[]): ColumnType {
  if (field.kind === 'enum') {
    if (enumValues === undefined) throw new Error(`enum ${field.type} is not in the datamodel`)
    return { base: 'enum', params: [], unsigned: false, values: [...enumValues] }
  }
  if (field.nativeType) {
    const [name, args] = field.nativeType
    // Boolean is the one scalar whose native type name (TinyInt) hides a width: Prisma creates TINYINT(1).
    if (field.type === 'Boolean' && name === 'TinyInt') return { base: 'tinyint', params: [1], unsigned: false }
    const unsigned = name.startsWith('Unsigned')
    const base = (unsigned ? name.slice('Unsigned'.length) : name).toLowerCase()
    return canonicalColumnType({ base, params: args.map(Number), unsigned })
  }
  const fallback = DEFAULT_COLUMN_TYPES[field.type]
  if (!fallback) throw new Error(`no MySQL column type for Prisma type ${field.type}`)
  return { ...fallback, params: [...fallback.params] }
}

/**
 * Parses `information_schema.COLUMNS.COLUMN_TYPE`: `int(11) unsigned` (MariaDB), `int unsigned` (MySQL 8),
 * `decimal(10,2)`, `enum('a','b')`.
 */
export function parseColumnType(columnType: string): ColumnType {
  const match = /^\s*(\w+)\s*(?:\((.*)\))?\s*(.*)$/s.exec(columnType)
  if (!match) return { base: columnType.trim().toLowerCase(), params: [], unsigned: false }
  const [, rawBase = '', inner, rest = ''] = match
  const base = rawBase.toLowerCase()
  const unsigned = /\bunsigned\b/i.test(rest)
  if (base === 'enum' || base === 'set') {
    return { base, params: [], unsigned, values: parseQuotedList(inner ?? '') }
  }
  const params = inner === undefined ? [] : inner.split(',').map((part) => Number(part.trim()))
  return canonicalColumnType({ base, params, unsigned })
}

/**
 * Removes the spellings that differ between servers without changing the type: integer display widths
 * (MariaDB's `int(11)`, MySQL 8 dropped them) except `tinyint(1)`, which both keep and Prisma reads as
 * Boolean; `year(4)`; a zero fractional-second precision (`datetime(0)` is `datetime`).
 */
export function canonicalColumnType(type: ColumnType): ColumnType {
  const { base, unsigned } = type
  let params = type.params
  if (INTEGER_TYPES.has(base) && !(base === 'tinyint' && params.length === 1 && params[0] === 1)) params = []
  if (base === 'year') params = []
  if (FRACTIONAL_SECOND_TYPES.has(base) && params.length === 1 && params[0] === 0) params = []
  if (params.length === 0 && IMPLICIT_LENGTH[base]) params = IMPLICIT_LENGTH[base]
  return type.values === undefined ? { base, params: [...params], unsigned } : { base, params, unsigned, values: type.values }
}

export function formatColumnType(type: ColumnType): string {
  let text = type.base
  if (type.values !== undefined) text += `(${type.values.map(quoteSqlString).join(',')})`
  else if (type.params.length > 0) text += `(${type.params.join(',')})`
  return type.unsigned ? `${text} unsigned` : text
}

export function sameColumnType(a: ColumnType, b: ColumnType): boolean {
  return formatColumnType(a) === formatColumnType(b)
}

export function quoteSqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

// `'a','b''c'` -> ['a', "b'c"]; quotes inside values are doubled in COLUMN_TYPE on both servers.
function parseQuotedList(text: string): string[] {
  const values: string[] = []
  const pattern = /'((?:[^'\\]|''|\\.)*)'/g
  for (const match of text.matchAll(pattern)) values.push(unescapeSqlString(match[1] ?? ''))
  return values
}

const BACKSLASH_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', Z: '\x1a' }

/** The value of a SQL string literal's body: `''` and backslash escapes undone. */
export function unescapeSqlString(body: string): string {
  return body.replace(/''|\\(.)/gs, (_escape: string, char: string | undefined) =>
    char === undefined ? "'" : (BACKSLASH_ESCAPES[char] ?? char),
  )
}
