import t from 'tap'
import { compareSchemas } from '../../src/drift/compare.js'
import { loadExpectedSchema } from '../../src/drift/datamodel.js'
import { buildLiveSchema, type InformationSchemaRows } from '../../src/drift/live-schema.js'

const SCHEMA = `
datasource db {
  provider = "mysql"
}

model Place {
  id  Int                   @id @map("Place_ID")
  geo Unsupported("point")? @map("Geo")

  @@map("places")
}

model Like {
  customerId Int @map("Customer_ID")

  @@ignore
  @@map("likes")
}
`

const rows = (tables: string[], columnNames: string[]): InformationSchemaRows => ({
  database: 'app',
  version: '10.11.19-MariaDB',
  tables,
  columns: columnNames.map((columnName) => ({
    tableName: 'places',
    columnName,
    columnType: columnName === 'Geo' ? 'point' : 'int(11)',
    isNullable: columnName === 'Geo' ? 'YES' : 'NO',
    columnDefault: columnName === 'Geo' ? 'NULL' : null,
    extra: '',
    characterSetName: null,
    collationName: null,
    generationExpression: null,
  })),
  indexes: [
    { tableName: 'places', indexName: 'PRIMARY', nonUnique: 0n, columnName: 'Place_ID', subPart: null, collation: 'A', indexType: 'BTREE' },
  ],
  checks: [],
})

t.test('tables and columns the schema hides are left unchecked, not reported as extra', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const report = compareSchemas(expected, buildLiveSchema(rows(['likes', 'places'], ['Place_ID', 'Geo'])))
  t.same(report.issues, [])
  t.same(report.unchecked, [{ table: 'places', column: 'Geo' }, { table: 'likes' }])
  t.equal(report.tablesCompared, 1)
})

t.test('an ignored model whose table is gone is still a missing table', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const report = compareSchemas(expected, buildLiveSchema(rows(['places'], ['Place_ID'])))
  t.same(report.issues, [{ kind: 'missing-table', table: 'likes', model: 'Like' }])
})

t.test('column names match whatever their case, as MySQL resolves them; table names do not', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const report = compareSchemas(expected, buildLiveSchema(rows(['likes', 'places', 'Places'], ['place_id', 'Geo'])))
  t.same(report.issues, [{ kind: 'extra-table', table: 'Places' }])
})

t.test('_prisma_migrations is never extra', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const report = compareSchemas(expected, buildLiveSchema(rows(['_prisma_migrations', 'likes', 'places'], ['Place_ID'])))
  t.same(report.issues, [])
})
