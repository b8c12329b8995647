// No MySQL server runs here, so the MySQL 8.4 side is checked on information_schema rows written as MySQL
// 8.4 returns them for the DDL below (the MariaDB 10.11 rows are the same DDL as our server reports it; the
// live MariaDB path is covered against the real server in check-drift.test.ts).
//
//   CREATE TABLE `accounts` (
//     `Account_ID` INT UNSIGNED NOT NULL AUTO_INCREMENT,
//     `Status` ENUM('Active','Disabled') NOT NULL DEFAULT 'Active',
//     `Balance` DECIMAL(10,2) NOT NULL DEFAULT 0.00,
//     `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
//     `Nick` VARCHAR(50) NULL,
//     `Settings` JSON NULL,
//     `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
//     `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
//     UNIQUE INDEX `accounts_Nick_key`(`Nick`),
//     PRIMARY KEY (`Account_ID`)
//   ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
import t from 'tap'
import { compareSchemas } from '../../src/drift/compare.js'
import { loadExpectedSchema } from '../../src/drift/datamodel.js'
import { buildLiveSchema, type ColumnRow, type IndexRow, type InformationSchemaRows } from '../../src/drift/live-schema.js'

const SCHEMA = `
datasource db {
  provider = "mysql"
}

enum AccountStatus {
  Active
  Disabled
}

model Account {
  accountId Int           @id @default(autoincrement()) @map("Account_ID") @db.UnsignedInt
  status    AccountStatus @default(Active) @map("Status")
  balance   Decimal       @default(0) @map("Balance") @db.Decimal(10, 2)
  isActive  Boolean       @default(true) @map("Is_Active")
  nick      String?       @unique @map("Nick") @db.VarChar(50)
  settings  Json?         @map("Settings")
  createdAt DateTime      @default(now()) @map("Created_at") @db.DateTime(0)
  updatedAt DateTime      @default(now()) @map("TimeStamp") @db.Timestamp(0)

  @@map("accounts")
}
`

type Column = Omit<ColumnRow, 'tableName' | 'characterSetName' | 'collationName' | 'generationExpression'> &
  Partial<Pick<ColumnRow, 'characterSetName' | 'collationName'>>
/**
 * Text columns (varchar, enum; MariaDB's JSON longtext in utf8mb4_bin) carry a charset and collation, the rest NULL.
 * GENERATION_EXPRESSION is '' on MySQL 8.4 and NULL on MariaDB 10.11 for ordinary columns.
 */
const columns = (rows: Column[], generationExpression: string | null): ColumnRow[] =>
  rows.map((row) => ({
    tableName: 'accounts',
    characterSetName: /^(varchar|enum)/.test(row.columnType) ? 'utf8mb4' : null,
    collationName: /^(varchar|enum)/.test(row.columnType) ? 'utf8mb4_unicode_ci' : null,
    generationExpression,
    ...row,
  }))

const MYSQL_COLUMNS = columns([
  { columnName: 'Account_ID', columnType: 'int unsigned', isNullable: 'NO', columnDefault: null, extra: 'auto_increment' },
  { columnName: 'Status', columnType: "enum('Active','Disabled')", isNullable: 'NO', columnDefault: 'Active', extra: '' },
  { columnName: 'Balance', columnType: 'decimal(10,2)', isNullable: 'NO', columnDefault: '0.00', extra: '' },
  { columnName: 'Is_Active', columnType: 'tinyint(1)', isNullable: 'NO', columnDefault: '1', extra: '' },
  { columnName: 'Nick', columnType: 'varchar(50)', isNullable: 'YES', columnDefault: null, extra: '' },
  { columnName: 'Settings', columnType: 'json', isNullable: 'YES', columnDefault: null, extra: '' },
  { columnName: 'Created_at', columnType: 'datetime', isNullable: 'NO', columnDefault: 'CURRENT_TIMESTAMP', extra: 'DEFAULT_GENERATED' },
  {
    columnName: 'TimeStamp',
    columnType: 'timestamp',
    isNullable: 'NO',
    columnDefault: 'CURRENT_TIMESTAMP',
    extra: 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP',
  },
], '')

const MARIADB_COLUMNS = columns([
  { columnName: 'Account_ID', columnType: 'int(10) unsigned', isNullable: 'NO', columnDefault: null, extra: 'auto_increment' },
  { columnName: 'Status', columnType: "enum('Active','Disabled')", isNullable: 'NO', columnDefault: "'Active'", extra: '' },
  { columnName: 'Balance', columnType: 'decimal(10,2)', isNullable: 'NO', columnDefault: '0.00', extra: '' },
  { columnName: 'Is_Active', columnType: 'tinyint(1)', isNullable: 'NO', columnDefault: '1', extra: '' },
  { columnName: 'Nick', columnType: 'varchar(50)', isNullable: 'YES', columnDefault: 'NULL', extra: '' },
  {
    columnName: 'Settings',
    columnType: 'longtext',
    isNullable: 'YES',
    columnDefault: 'NULL',
    extra: '',
    characterSetName: 'utf8mb4',
    collationName: 'utf8mb4_bin',
  },
  { columnName: 'Created_at', columnType: 'datetime', isNullable: 'NO', columnDefault: 'current_timestamp()', extra: '' },
  {
    columnName: 'TimeStamp',
    columnType: 'timestamp',
    isNullable: 'NO',
    columnDefault: 'current_timestamp()',
    extra: 'on update current_timestamp()',
  },
], null)

const index = (indexName: string, nonUnique: number | bigint, columnName: string): IndexRow => ({
  tableName: 'accounts',
  indexName,
  nonUnique,
  columnName,
  subPart: null,
  collation: 'A',
  indexType: 'BTREE',
})

const MYSQL: InformationSchemaRows = {
  database: 'app',
  version: '8.4.3',
  tables: ['accounts', '_prisma_migrations'],
  columns: MYSQL_COLUMNS,
  // MySQL returns NON_UNIQUE as an int, MariaDB as a bigint.
  indexes: [index('accounts_Nick_key', 0, 'Nick'), index('PRIMARY', 0, 'Account_ID')],
  checks: [],
}

const MARIADB: InformationSchemaRows = {
  database: 'app',
  version: '10.11.19-MariaDB-0+deb12u1',
  tables: ['accounts', '_prisma_migrations'],
  columns: MARIADB_COLUMNS,
  indexes: [index('accounts_Nick_key', 0n, 'Nick'), index('PRIMARY', 0n, 'Account_ID')],
  checks: [{ tableName: 'accounts', checkClause: 'json_valid(`Settings`)' }],
}

t.test('the same table reads the same from MySQL 8.4 and MariaDB 10.11', async (t) => {
  const mysql = buildLiveSchema(MYSQL)
  const mariadb = buildLiveSchema(MARIADB)
  t.equal(mysql.flavor, 'mysql')
  t.equal(mariadb.flavor, 'mariadb')
  t.same(mariadb.tables, mysql.tables)
})

t.test('both servers match the schema the DDL came from', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  for (const rows of [MYSQL, MARIADB]) {
    const report = compareSchemas(expected, buildLiveSchema(rows))
    t.same(report.issues, [], `no drift on ${rows.version}`)
    t.equal(report.tablesCompared, 1)
  }
})

t.test('a MariaDB LONGTEXT without the json_valid check is a longtext, not JSON', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const report = compareSchemas(expected, buildLiveSchema({ ...MARIADB, checks: [] }))
  t.same(report.issues, [{ kind: 'type', table: 'accounts', column: 'Settings', expected: 'json', actual: 'longtext' }])
})

t.test('a changed default is caught in either spelling', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const withStatusDefault = (rows: InformationSchemaRows, columnDefault: string): InformationSchemaRows => ({
    ...rows,
    columns: rows.columns.map((row) => (row.columnName === 'Status' ? { ...row, columnDefault } : row)),
  })
  const issue = { kind: 'default', table: 'accounts', column: 'Status', expected: "'Active'", actual: "'Disabled'" }
  t.same(compareSchemas(expected, buildLiveSchema(withStatusDefault(MYSQL, 'Disabled'))).issues, [issue])
  t.same(compareSchemas(expected, buildLiveSchema(withStatusDefault(MARIADB, "'Disabled'"))).issues, [issue])
})

t.test('a signed MySQL column where the schema says unsigned is a type difference', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const rows: InformationSchemaRows = {
    ...MYSQL,
    columns: MYSQL.columns.map((row) => (row.columnName === 'Account_ID' ? { ...row, columnType: 'int' } : row)),
  }
  t.same(compareSchemas(expected, buildLiveSchema(rows)).issues, [
    { kind: 'type', table: 'accounts', column: 'Account_ID', expected: 'int unsigned', actual: 'int' },
  ])
})

const withColumn = (rows: InformationSchemaRows, name: string, change: Partial<ColumnRow>): InformationSchemaRows => ({
  ...rows,
  columns: rows.columns.map((row) => (row.columnName === name ? { ...row, ...change } : row)),
})

t.test('a text column in another charset or collation is drift, in either server\'s rows', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const latin1 = { characterSetName: 'latin1', collationName: 'latin1_swedish_ci' }
  for (const rows of [MYSQL, MARIADB]) {
    t.same(compareSchemas(expected, buildLiveSchema(withColumn(rows, 'Nick', latin1))).issues, [
      { kind: 'collation', table: 'accounts', column: 'Nick', expected: 'utf8mb4/utf8mb4_unicode_ci', actual: 'latin1/latin1_swedish_ci' },
    ])
  }
  // What MySQL 8.4 gives a table created without COLLATE: its NO PAD default, which mixes badly with the legacy one.
  const mysqlDefault = withColumn(MYSQL, 'Status', { collationName: 'utf8mb4_0900_ai_ci' })
  t.same(compareSchemas(expected, buildLiveSchema(mysqlDefault)).issues, [
    { kind: 'collation', table: 'accounts', column: 'Status', expected: 'utf8mb4/utf8mb4_unicode_ci', actual: 'utf8mb4/utf8mb4_0900_ai_ci' },
  ])
})

t.test('a TimeStamp column that lost ON UPDATE CURRENT_TIMESTAMP is drift, in either server\'s spelling', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const issue = { kind: 'on-update', table: 'accounts', column: 'TimeStamp', expected: true, actual: false }
  t.same(compareSchemas(expected, buildLiveSchema(withColumn(MYSQL, 'TimeStamp', { extra: 'DEFAULT_GENERATED' }))).issues, [issue])
  t.same(compareSchemas(expected, buildLiveSchema(withColumn(MARIADB, 'TimeStamp', { extra: '' }))).issues, [issue])
  // And the other way: a column that moves by itself where nothing expects it to.
  const moving = withColumn(MYSQL, 'Created_at', { extra: 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP' })
  t.same(compareSchemas(expected, buildLiveSchema(moving)).issues, [
    { kind: 'on-update', table: 'accounts', column: 'Created_at', expected: false, actual: true },
  ])
})

t.test('generated columns are read as such and not held to a collation or ON UPDATE', async (t) => {
  const expected = await loadExpectedSchema({ datamodel: SCHEMA })
  const generated = withColumn(MYSQL, 'Nick', {
    generationExpression: "regexp_replace(`Status`,_utf8mb4'[^0-9+]',_utf8mb4'')",
    extra: 'VIRTUAL GENERATED INVISIBLE',
    collationName: 'utf8mb4_0900_ai_ci',
  })
  t.equal(buildLiveSchema(generated).tables[0]?.columns.find((column) => column.name === 'Nick')?.generated, true)
  t.same(compareSchemas(expected, buildLiveSchema(generated)).issues, [])
})
