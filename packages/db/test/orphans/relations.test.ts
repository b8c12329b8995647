import { fileURLToPath } from 'node:url'
import t from 'tap'
import { loadDeclaredRelations } from '../../src/orphans/relations.js'
import { orphanQueries } from '../../src/orphans/queries.js'

const schemaPath = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url))

const SCHEMA = `datasource db {
  provider = "mysql"
}

model Shelf {
  shelfId Int    @id @map("Shelf_ID")
  books   Book[]
  @@map("shelves")
}

model Book {
  bookId   Int     @id @map("Book_ID")
  shelfId  Int?    @map("Shelf_ID")
  shelf    Shelf?  @relation(fields: [shelfId], references: [shelfId])
  isbn     String  @unique
  sequelOf String? @unique
  prequel  Book?   @relation("Sequel", fields: [sequelOf], references: [isbn])
  sequel   Book?   @relation("Sequel")
  @@index([shelfId])
  @@map("books")
}
`

t.test('every owning relation field of the schema is a relation, with database names; back-relations are not', async (t) => {
  const relations = await loadDeclaredRelations({ datamodel: SCHEMA })
  t.same(relations, [
    {
      model: 'Book',
      field: 'prequel',
      table: 'books',
      columns: ['sequelOf'],
      keyColumns: ['Book_ID'],
      referencedModel: 'Book',
      referencedTable: 'books',
      referencedColumns: ['isbn'],
      optional: true,
      zeroMeansNone: false,
    },
    {
      model: 'Book',
      field: 'shelf',
      table: 'books',
      columns: ['Shelf_ID'],
      keyColumns: ['Book_ID'],
      referencedModel: 'Shelf',
      referencedTable: 'shelves',
      referencedColumns: ['Shelf_ID'],
      optional: true,
      zeroMeansNone: true,
    },
  ])
})

t.test('the queries: NULL (and 0 in an optional integer reference) is no reference; the referenced side is joined on its key', async (t) => {
  const [prequel, shelf] = await loadDeclaredRelations({ datamodel: SCHEMA })
  t.equal(
    orphanQueries(shelf!).count,
    'SELECT COUNT(*) AS orphans FROM `books` AS c LEFT JOIN `shelves` AS p ON p.`Shelf_ID` = c.`Shelf_ID` ' +
      'WHERE c.`Shelf_ID` IS NOT NULL AND c.`Shelf_ID` <> 0 AND p.`Shelf_ID` IS NULL',
  )
  t.equal(
    orphanQueries(prequel!).sample,
    'SELECT c.`Book_ID` AS key_0, c.`sequelOf` AS ref_0 FROM `books` AS c LEFT JOIN `books` AS p ON p.`isbn` = c.`sequelOf` ' +
      'WHERE c.`sequelOf` IS NOT NULL AND p.`isbn` IS NULL ORDER BY c.`Book_ID` LIMIT ?',
  )
})

t.test('the repository schema declares the relations its reference columns imply', async (t) => {
  const relations = await loadDeclaredRelations({ schemaPath })
  const names = relations.map((r) => `${r.table}.${r.columns.join('+')} -> ${r.referencedTable}.${r.referencedColumns.join('+')}`)
  for (const expected of [
    'consultants.Customer_ID -> customers.Customer_ID',
    'consultants.Category_ID -> consultations_categories.Category_ID',
    'consultants.Branch_ID -> branches.Branch_ID',
    'consultant_contract.Consultant_ID -> consultants.Consultant_ID',
    'consultant_licenses.Consultant_ID -> consultants.Consultant_ID',
    'consultant_schedules.Consultant_ID -> consultants.Consultant_ID',
    'appointments.Consultant_ID -> consultants.Consultant_ID',
    'appointments.Customer_ID -> customers.Customer_ID',
    'consultations_orders.Customer_ID -> customers.Customer_ID',
    'services_categories.Category_ID -> consultations_categories.Category_ID',
    'auth_sessions.customer_id -> customers.Customer_ID',
    'auth_refresh_tokens.session_id -> auth_sessions.id',
    'auth_device_tokens.session_id -> auth_sessions.id',
    'comments.Parent_Comment_ID -> comments.Comment_ID',
  ]) {
    t.ok(names.includes(expected), expected)
  }
  t.equal(new Set(names).size, names.length, 'each relation once')
  t.ok(relations.every((r) => r.keyColumns.length > 0), 'every owning table has a primary key to name its rows by')
})
