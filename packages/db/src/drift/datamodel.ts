import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import schemaWasm from '@prisma/prisma-schema-wasm'
import { expectedColumnType } from './column-type.js'
import { expectedDefault, type DmmfDefault } from './column-default.js'
import { DriftCheckError } from './errors.js'
import { findHiddenSchemaItems } from './hidden-items.js'
import { defaultIndexName, PRIMARY_KEY_NAME } from './index-names.js'
import type { ExpectedColumn, ExpectedSchema, ExpectedTable, IndexKind, IndexShape } from './types.js'

/** The datamodel part of Prisma's DMMF, as far as the drift check reads it. */
export interface DmmfDatamodel {
  enums: DmmfEnum[]
  models: DmmfModel[]
  indexes: DmmfIndex[]
}

export interface DmmfEnum {
  name: string
  dbName?: string | null
  values: { name: string; dbName: string | null }[]
}

export interface DmmfModel {
  name: string
  dbName: string | null
  fields: DmmfField[]
  /** A composite primary key (`@@id`); a single-field one is the field's `isId`. */
  primaryKey?: { fields: string[] } | null
}

export interface DmmfField {
  name: string
  dbName?: string | null
  kind: 'scalar' | 'enum' | 'object' | 'unsupported'
  type: string
  isList: boolean
  isRequired: boolean
  nativeType?: [string, string[]] | null
  hasDefaultValue: boolean
  default?: DmmfDefault
  isId?: boolean
  /** Relation fields (`kind: 'object'`) only: the owning side lists its scalar fields and the ones they reference. */
  relationName?: string | null
  relationFromFields?: string[]
  relationToFields?: string[]
}

export interface DmmfIndex {
  model: string
  type: 'id' | 'unique' | 'normal' | 'fulltext'
  dbName?: string | null
  fields: { name: string; sortOrder?: 'asc' | 'desc'; length?: number }[]
}

/** Where the Prisma schema comes from: a file or a folder of `.prisma` files, or the schema text itself. */
export type SchemaSource = { schemaPath: string } | { datamodel: string }

type SchemaFiles = [path: string, content: string][]

/** Parses the Prisma schema with Prisma's own WebAssembly parser and returns the tables it expects. */
export async function loadExpectedSchema(source: SchemaSource): Promise<ExpectedSchema> {
  const { files, datamodel } = await loadDatamodel(source)
  return {
    tables: datamodel.models.map((model) => toExpectedTable(model, datamodel)),
    hidden: findHiddenSchemaItems(files.map(([, content]) => content).join('\n')),
  }
}

/** Reads and parses the Prisma schema of a MySQL datasource: its files and their datamodel. */
export async function loadDatamodel(source: SchemaSource): Promise<{ files: SchemaFiles; datamodel: DmmfDatamodel }> {
  const files: SchemaFiles =
    'schemaPath' in source ? await readSchemaFiles(source.schemaPath) : [['schema.prisma', source.datamodel]]
  assertMysqlProvider(files)
  return { files, datamodel: parseDatamodel(files) }
}

/**
 * `get_datamodel` returns exactly the `datamodel` section of `get_dmmf`'s DMMF without building the query
 * schema, which is twenty times larger and is not needed here.
 */
export function parseDatamodel(files: SchemaFiles): DmmfDatamodel {
  let output: string
  try {
    output = schemaWasm.get_datamodel(JSON.stringify({ prismaSchema: files, noColor: true }))
  } catch (error) {
    throw new DriftCheckError('schema', `the Prisma schema is invalid:\n${wasmErrorMessage(error)}`)
  }
  return JSON.parse(output) as DmmfDatamodel
}

function toExpectedTable(model: DmmfModel, datamodel: DmmfDatamodel): ExpectedTable {
  const table = model.dbName ?? model.name
  const columnOf = new Map(model.fields.map((field) => [field.name, field.dbName ?? field.name]))
  const columns: ExpectedColumn[] = []
  for (const field of model.fields) {
    // Relation fields have no column; scalar lists do not exist on MySQL.
    if (field.kind === 'object' || field.kind === 'unsupported') continue
    const enumDefinition = field.kind === 'enum' ? datamodel.enums.find((e) => e.name === field.type) : undefined
    const enumDbName = enumDefinition
      ? (value: string): string => enumDefinition.values.find((v) => v.name === value)?.dbName ?? value
      : undefined
    columns.push({
      name: field.dbName ?? field.name,
      field: field.name,
      type: expectedColumnType(field, enumDefinition?.values.map((v) => v.dbName ?? v.name)),
      nullable: !field.isRequired,
      default: expectedDefault(field.hasDefaultValue ? field.default : undefined, enumDbName),
    })
  }
  const indexes = datamodel.indexes
    .filter((index) => index.model === model.name)
    .map((index): IndexShape => {
      const kind: IndexKind = index.type === 'id' ? 'primary' : index.type
      const indexColumns = index.fields.map((f) => ({
        name: columnOf.get(f.name) ?? f.name,
        ...(f.length === undefined ? {} : { length: f.length }),
        descending: f.sortOrder === 'desc',
      }))
      const name =
        kind === 'primary'
          ? PRIMARY_KEY_NAME
          : (index.dbName ?? defaultIndexName(table, indexColumns.map((c) => c.name), kind === 'unique'))
      return { name, kind, columns: indexColumns }
    })
  return { name: table, model: model.name, columns, indexes }
}

async function readSchemaFiles(schemaPath: string): Promise<SchemaFiles> {
  let isDirectory: boolean
  try {
    isDirectory = (await stat(schemaPath)).isDirectory()
  } catch {
    throw new DriftCheckError('usage', `no Prisma schema at ${schemaPath}`)
  }
  if (!isDirectory) return [[schemaPath, await readFile(schemaPath, 'utf8')]]
  // A folder holds a multi-file schema: every .prisma file below it belongs to it.
  const entries = await readdir(schemaPath, { recursive: true, withFileTypes: true })
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.prisma'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  if (paths.length === 0) throw new DriftCheckError('usage', `no .prisma files in ${schemaPath}`)
  return Promise.all(paths.map(async (path): Promise<[string, string]> => [path, await readFile(path, 'utf8')]))
}

// The native types and the information_schema queries are MySQL's; another provider would report nonsense.
function assertMysqlProvider(files: SchemaFiles): void {
  for (const [path, content] of files) {
    const datasource = /^\s*datasource\s+\w+\s*\{([^}]*)\}/m.exec(content)
    if (!datasource) continue
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(datasource[1] ?? '')?.[1]
    if (provider !== undefined && provider !== 'mysql') {
      throw new DriftCheckError('usage', `${path}: the drift check supports the mysql provider, not ${provider}`)
    }
  }
}

function wasmErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  try {
    const parsed = JSON.parse(text) as { message?: unknown }
    if (typeof parsed.message === 'string') return parsed.message
  } catch {
    // not the JSON error envelope: the text is the message
  }
  return text
}
