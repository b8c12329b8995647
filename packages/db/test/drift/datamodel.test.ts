import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import schemaWasm from '@prisma/prisma-schema-wasm'
import t from 'tap'
import { formatColumnType } from '../../src/drift/column-type.js'
import { loadExpectedSchema } from '../../src/drift/datamodel.js'
import { DriftCheckError } from '../../src/drift/errors.js'
import { defaultIndexName } from '../../src/drift/index-names.js'

const DATASOURCE = 'datasource db {\n  provider = "mysql"\n}\n'

const SCHEMA = `${DATASOURCE}
enum Status {
  Active
  NoShow @map("No-Show")
}

model Order {
  id       Int      @id @default(autoincrement()) @map("Order_ID")
  code     String   @unique @db.VarChar(20)
  status   Status   @default(NoShow) @map("Order_Status")
  note     String?  @map("Notes") @db.Text
  placedAt DateTime @default(now()) @map("Placed_At") @db.DateTime(0)
  geo      Unsupported("point")? @map("Geo")
  legacy   Int?     @ignore @map("Legacy_Flag")

  @@index([status, placedAt(sort: Desc)])
  @@index([note(length: 10)], map: "orders_note_prefix")
  @@unique([status, code], map: "orders_status_code")
  @@map("orders")
}

model Audit {
  line String @db.VarChar(10)

  @@ignore
  @@map("audit_log")
}
`

t.test('models become tables with database names for tables, columns and enum values', async (t) => {
  const schema = await loadExpectedSchema({ datamodel: SCHEMA })
  t.same(schema.tables.map((table) => table.name), ['orders'], '@@ignore models are not in the datamodel')
  const orders = schema.tables[0]!
  t.equal(orders.model, 'Order')
  t.same(
    orders.columns.map((c) => [c.name, c.field, formatColumnType(c.type), c.nullable]),
    [
      ['Order_ID', 'id', 'int', false],
      ['code', 'code', 'varchar(20)', false],
      ['Order_Status', 'status', "enum('Active','No-Show')", false],
      ['Notes', 'note', 'text', true],
      ['Placed_At', 'placedAt', 'datetime', false],
    ],
  )
  const byName = new Map(orders.columns.map((c) => [c.name, c]))
  t.same(byName.get('Order_ID')?.default, { kind: 'autoincrement' })
  t.same(byName.get('Order_Status')?.default, { kind: 'literal', value: 'No-Show' }, 'enum default, @map applied')
  t.same(byName.get('Placed_At')?.default, { kind: 'now' })
  t.same(byName.get('Notes')?.default, { kind: 'none' })
})

t.test('relation fields have no column: only their scalar reference columns are expected', async (t) => {
  const schema = await loadExpectedSchema({
    datamodel: `${DATASOURCE}
model Shelf {
  shelfId Int    @id @map("Shelf_ID")
  books   Book[]
  @@map("shelves")
}

model Book {
  bookId  Int    @id @map("Book_ID")
  shelfId Int?   @map("Shelf_ID")
  shelf   Shelf? @relation(fields: [shelfId], references: [shelfId], onDelete: NoAction, onUpdate: NoAction)
  @@index([shelfId])
  @@map("books")
}
`,
  })
  t.same(
    schema.tables.map((table) => [table.name, table.columns.map((c) => c.name)]),
    [
      ['shelves', ['Shelf_ID']],
      ['books', ['Book_ID', 'Shelf_ID']],
    ],
  )
  t.same(
    schema.tables.flatMap((table) => table.indexes.map((index) => index.name)),
    ['PRIMARY', 'PRIMARY', 'books_Shelf_ID_idx'],
    'no index or foreign key is expected for the relation itself',
  )
})

t.test('indexes get their map name or the name Prisma would give them', async (t) => {
  const [orders] = (await loadExpectedSchema({ datamodel: SCHEMA })).tables
  t.same(orders?.indexes, [
    { name: 'PRIMARY', kind: 'primary', columns: [{ name: 'Order_ID', descending: false }] },
    { name: 'orders_code_key', kind: 'unique', columns: [{ name: 'code', descending: false }] },
    {
      name: 'orders_Order_Status_Placed_At_idx',
      kind: 'normal',
      columns: [
        { name: 'Order_Status', descending: false },
        { name: 'Placed_At', descending: true },
      ],
    },
    { name: 'orders_note_prefix', kind: 'normal', columns: [{ name: 'Notes', length: 10, descending: false }] },
    {
      name: 'orders_status_code',
      kind: 'unique',
      columns: [
        { name: 'Order_Status', descending: false },
        { name: 'code', descending: false },
      ],
    },
  ])
})

t.test('default index names are cut to MySQL 64 characters before the suffix', async (t) => {
  t.equal(defaultIndexName('customers', ['Email'], true), 'customers_Email_key')
  t.equal(defaultIndexName('consultants', ['Consultant_Status', 'Order_In_List'], false), 'consultants_Consultant_Status_Order_In_List_idx')
  const long = defaultIndexName('t'.repeat(40), ['c'.repeat(40)], false)
  t.equal(long.length, 64)
  t.equal(long, `${'t'.repeat(40)}_${'c'.repeat(19)}_idx`)
  const multibyte = defaultIndexName(`a${'é'.repeat(40)}`, [], true)
  t.ok(Buffer.byteLength(multibyte) <= 64, 'bytes, not characters, are counted')
  t.notMatch(multibyte, /\uFFFD/, 'no character is split')
})

t.test('what the datamodel leaves out is listed as hidden, under database names', async (t) => {
  const { hidden } = await loadExpectedSchema({ datamodel: SCHEMA })
  t.same(hidden.tables, [{ table: 'audit_log', model: 'Audit' }])
  t.same(hidden.columns, [
    { table: 'orders', column: 'Geo' },
    { table: 'orders', column: 'Legacy_Flag' },
  ])
})

t.test('an invalid schema is a schema error carrying Prisma’s message', async (t) => {
  const error = await loadExpectedSchema({ datamodel: `${DATASOURCE}model A {\n  id Int @id\n  x Foo\n}\n` }).catch(
    (e: unknown) => e,
  )
  t.type(error, DriftCheckError)
  t.equal((error as DriftCheckError).reason, 'schema')
  t.match((error as DriftCheckError).message, /Type "Foo" is neither a built-in type/)
  t.notMatch((error as DriftCheckError).message, /\u001b\[/, 'no terminal colours')
})

t.test('a schema for another provider is refused', async (t) => {
  const schema = 'datasource db {\n  provider = "postgresql"\n}\nmodel A {\n  id Int @id\n}\n'
  await t.rejects(loadExpectedSchema({ datamodel: schema }), { reason: 'usage', message: /not postgresql/ })
})

t.test('a schema path may be a file or a folder of .prisma files', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'drift-schema-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  await mkdir(join(dir, 'models'))
  await writeFile(join(dir, 'schema.prisma'), DATASOURCE)
  await writeFile(join(dir, 'models', 'a.prisma'), 'model A {\n  id Int @id\n  @@map("a_table")\n}\n')
  await writeFile(join(dir, 'notes.txt'), 'not a schema')
  const fromFolder = await loadExpectedSchema({ schemaPath: dir })
  t.same(fromFolder.tables.map((table) => table.name), ['a_table'])

  await writeFile(join(dir, 'single.prisma'), `${DATASOURCE}model B {\n  id Int @id\n}\n`)
  const fromFile = await loadExpectedSchema({ schemaPath: join(dir, 'single.prisma') })
  t.same(fromFile.tables.map((table) => table.name), ['B'])

  await t.rejects(loadExpectedSchema({ schemaPath: join(dir, 'missing.prisma') }), {
    reason: 'usage',
    message: /no Prisma schema at/,
  })
})

// The drift check reads `get_datamodel`, which skips building the query schema; this pins the assumption
// that it is exactly the datamodel of `get_dmmf`, so a Prisma upgrade that changes that fails here.
t.test("get_datamodel is get_dmmf's datamodel for the repository schema", async (t) => {
  const schemaPath = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url))
  const input = JSON.stringify({ prismaSchema: await readFile(schemaPath, 'utf8'), noColor: true })
  const dmmf = JSON.parse(schemaWasm.get_dmmf(input)) as { datamodel: unknown }
  t.same(JSON.parse(schemaWasm.get_datamodel(input)), dmmf.datamodel)
})
