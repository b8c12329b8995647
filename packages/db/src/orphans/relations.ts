import { type DmmfDatamodel, type DmmfModel, loadDatamodel, type SchemaSource } from '../drift/datamodel.js'
import { DriftCheckError } from '../drift/errors.js'

/** One relation the Prisma schema declares, seen from the table that holds the reference (the owning side). */
export interface DeclaredRelation {
  /** `Consultant.customer`: the model and relation field that own the reference. */
  model: string
  field: string
  table: string
  /** The reference columns in `table`, in the order of `referencedColumns`. */
  columns: string[]
  /** The primary key columns of `table`: how the report names an orphaned row. */
  keyColumns: string[]
  referencedModel: string
  referencedTable: string
  /** Always the referenced table's primary key or a unique key: Prisma allows nothing else. */
  referencedColumns: string[]
  /** The relation field is optional (`Branch?`): its columns may say "no reference". */
  optional: boolean
  /**
   * Integer reference columns of an optional relation: 0 there means "none", like NULL. Auto-increment ids start
   * at 1, so 0 can name no row; we assume the legacy application may write it for an empty choice.
   */
  zeroMeansNone: boolean
}

/** Every relation declared in the Prisma schema, from its DMMF, ordered by table and field. */
export async function loadDeclaredRelations(source: SchemaSource): Promise<DeclaredRelation[]> {
  const { datamodel } = await loadDatamodel(source)
  return declaredRelations(datamodel)
}

export function declaredRelations(datamodel: DmmfDatamodel): DeclaredRelation[] {
  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]))
  const relations: DeclaredRelation[] = []
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      // The back-relation side (`Consultant[]`, `Consultant?` without fields) holds no column.
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue
      const referenced = modelsByName.get(field.type)
      if (!referenced) throw new DriftCheckError('schema', `${model.name}.${field.name}: no model ${field.type}`)
      const fromFields = field.relationFromFields
      const toFields = field.relationToFields ?? []
      const scalarTypes = fromFields.map((name) => model.fields.find((f) => f.name === name)?.type)
      relations.push({
        model: model.name,
        field: field.name,
        table: tableOf(model),
        columns: fromFields.map((name) => columnOf(model, name)),
        keyColumns: primaryKeyOf(model).map((name) => columnOf(model, name)),
        referencedModel: referenced.name,
        referencedTable: tableOf(referenced),
        referencedColumns: toFields.map((name) => columnOf(referenced, name)),
        optional: !field.isRequired,
        zeroMeansNone: !field.isRequired && scalarTypes.every((type) => type === 'Int' || type === 'BigInt'),
      })
    }
  }
  return relations.sort((a, b) => a.table.localeCompare(b.table) || a.field.localeCompare(b.field))
}

function tableOf(model: DmmfModel): string {
  return model.dbName ?? model.name
}

function columnOf(model: DmmfModel, fieldName: string): string {
  const field = model.fields.find((f) => f.name === fieldName)
  if (!field) throw new DriftCheckError('schema', `${model.name}: no field ${fieldName}`)
  return field.dbName ?? field.name
}

function primaryKeyOf(model: DmmfModel): string[] {
  if (model.primaryKey?.fields.length) return model.primaryKey.fields
  return model.fields.filter((field) => field.isId).map((field) => field.name)
}
