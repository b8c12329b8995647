import { fileURLToPath } from 'node:url'
import t from 'tap'
import { createTestDatabase, type TeardownHost, testServerUrl } from '@cp/db/testing'
import { checkDrift, formatDriftReport, type DriftReport } from '../../src/drift/index.js'
import { rawConnection } from '../helpers.js'

const schemaPath = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url))

/** A freshly migrated database changed by `ddl`, then checked against the repository's schema. */
async function driftAfter(t: TeardownHost, ddl: string[]): Promise<DriftReport> {
  const { url } = await createTestDatabase(t)
  const conn = await rawConnection(t, url)
  for (const statement of ddl) await conn.query(statement)
  return checkDrift({ schemaPath, url })
}

// Also the proof that prisma/schema.prisma and prisma/migrations agree.
t.test('a database migrated with the repository migrations has no drift', async (t) => {
  const { url } = await createTestDatabase(t)
  const report = await checkDrift({ schemaPath, url })
  t.same(report.issues, [], formatDriftReport(report))
  t.equal(report.hasDrift, false)
  t.equal(report.flavor, 'mariadb')
  t.ok(report.tablesCompared >= 25, `${report.tablesCompared} tables compared`)
  t.match(formatDriftReport(report), /^No drift: database tl_\w+ \(MariaDB [\d.]+\) matches the Prisma schema/)
})

t.test('a dropped column', async (t) => {
  const report = await driftAfter(t, ['ALTER TABLE customers DROP COLUMN Photo'])
  t.same(report.issues, [
    { kind: 'missing-column', table: 'customers', column: 'Photo', field: 'photo', expected: 'varchar(255) NULL' },
  ])
  t.equal(report.hasDrift, true)
})

t.test('a shorter VARCHAR', async (t) => {
  const report = await driftAfter(t, ['ALTER TABLE customers MODIFY Phone VARCHAR(20) NULL'])
  t.same(report.issues, [{ kind: 'type', table: 'customers', column: 'Phone', expected: 'varchar(32)', actual: 'varchar(20)' }])
  t.match(formatDriftReport(report), /^customers: column Phone: type varchar\(20\) in database, varchar\(32\) in schema$/m)
})

t.test('an INT widened to BIGINT', async (t) => {
  const report = await driftAfter(t, ['ALTER TABLE consultants MODIFY Rating_Count BIGINT NOT NULL DEFAULT 0'])
  t.same(report.issues, [{ kind: 'type', table: 'consultants', column: 'Rating_Count', expected: 'int', actual: 'bigint' }])
})

t.test('an enum value added in the database', async (t) => {
  const report = await driftAfter(t, ["ALTER TABLE customers MODIFY Gender ENUM('Male','Female','Other') NULL"])
  t.same(report.issues, [
    {
      kind: 'enum-values',
      table: 'customers',
      column: 'Gender',
      expected: "enum('Male','Female')",
      actual: "enum('Male','Female','Other')",
      missingInDatabase: [],
      extraInDatabase: ['Other'],
    },
  ])
})

t.test('an enum value removed from the database', async (t) => {
  const report = await driftAfter(t, [
    "ALTER TABLE consultations_orders MODIFY Order_Status ENUM('Pending','Approved') NOT NULL DEFAULT 'Pending'",
  ])
  t.same(report.issues, [
    {
      kind: 'enum-values',
      table: 'consultations_orders',
      column: 'Order_Status',
      expected: "enum('Pending','Approved','Rejected')",
      actual: "enum('Pending','Approved')",
      missingInDatabase: ['Rejected'],
      extraInDatabase: [],
    },
  ])
})

t.test('a missing table', async (t) => {
  const report = await driftAfter(t, ['DROP TABLE branches'])
  t.same(report.issues, [{ kind: 'missing-table', table: 'branches', model: 'Branch' }])
})

t.test('a nullable column made NOT NULL', async (t) => {
  const report = await driftAfter(t, ['ALTER TABLE customers MODIFY Email VARCHAR(191) NOT NULL'])
  t.same(report.issues, [
    { kind: 'nullability', table: 'customers', column: 'Email', expectedNullable: true, actualNullable: false },
  ])
})

t.test('a changed enum default and a dropped CURRENT_TIMESTAMP default', async (t) => {
  const report = await driftAfter(t, [
    "ALTER TABLE customers ALTER COLUMN Language SET DEFAULT 'en'",
    'ALTER TABLE customers ALTER COLUMN Created_at DROP DEFAULT',
  ])
  t.same(report.issues, [
    { kind: 'default', table: 'customers', column: 'Language', expected: "'ar'", actual: "'en'" },
    { kind: 'default', table: 'customers', column: 'Created_at', expected: 'CURRENT_TIMESTAMP', actual: 'no default' },
  ])
})

t.test('a column moved to latin1 and a TimeStamp that lost ON UPDATE CURRENT_TIMESTAMP', async (t) => {
  const report = await driftAfter(t, [
    'ALTER TABLE customers MODIFY First_Name VARCHAR(100) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL',
    'ALTER TABLE consultations_categories MODIFY Name_En VARCHAR(191) COLLATE utf8mb4_general_ci NOT NULL',
    'ALTER TABLE branches MODIFY `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP',
  ])
  const byTable = (a: { table: string }, b: { table: string }) => a.table.localeCompare(b.table)
  t.same([...report.issues].sort(byTable), [
    { kind: 'on-update', table: 'branches', column: 'TimeStamp', expected: true, actual: false },
    { kind: 'collation', table: 'consultations_categories', column: 'Name_En', expected: 'utf8mb4/utf8mb4_unicode_ci', actual: 'utf8mb4/utf8mb4_general_ci' },
    { kind: 'collation', table: 'customers', column: 'First_Name', expected: 'utf8mb4/utf8mb4_unicode_ci', actual: 'latin1/latin1_swedish_ci' },
  ])
  const text = formatDriftReport(report)
  t.match(text, /^customers: column First_Name: collation latin1\/latin1_swedish_ci in database, utf8mb4\/utf8mb4_unicode_ci expected/m)
  t.match(text, /^branches: column TimeStamp: no ON UPDATE CURRENT_TIMESTAMP in database/m)
})

t.test('a dropped index', async (t) => {
  const report = await driftAfter(t, ['DROP INDEX customers_Phone_key ON customers'])
  t.same(report.issues, [
    { kind: 'missing-index', table: 'customers', index: 'customers_Phone_key', expected: 'UNIQUE (Phone)' },
  ])
})

t.test('an index whose columns changed', async (t) => {
  const report = await driftAfter(t, [
    'DROP INDEX consultants_Consultant_Status_Order_In_List_idx ON consultants',
    'CREATE INDEX consultants_Consultant_Status_Order_In_List_idx ON consultants (Consultant_Status)',
  ])
  t.same(report.issues, [
    {
      kind: 'index',
      table: 'consultants',
      index: 'consultants_Consultant_Status_Order_In_List_idx',
      expected: 'INDEX (Consultant_Status, Order_In_List)',
      actual: 'INDEX (Consultant_Status)',
    },
  ])
})

t.test('tables, columns and indexes only the database has', async (t) => {
  const report = await driftAfter(t, [
    'CREATE TABLE legacy_audit (Audit_ID INT NOT NULL PRIMARY KEY)',
    'ALTER TABLE customers ADD COLUMN Settings JSON NULL',
    'CREATE INDEX customers_Last_Name_idx ON customers (Last_Name(20))',
  ])
  t.same(report.issues, [
    // MariaDB stores JSON as LONGTEXT with a json_valid check; the report still says json.
    { kind: 'extra-column', table: 'customers', column: 'Settings', actual: 'json NULL' },
    { kind: 'extra-index', table: 'customers', index: 'customers_Last_Name_idx', actual: 'INDEX (Last_Name(20))' },
    { kind: 'extra-table', table: 'legacy_audit' },
  ])
})

t.test('a database that cannot be reached is a connection error, not drift', async (t) => {
  await t.rejects(checkDrift({ schemaPath, url: 'mysql://root@127.0.0.1:1/nowhere' }), {
    name: 'DriftCheckError',
    reason: 'connection',
    message: /cannot connect to 127\.0\.0\.1:1 database nowhere/,
  })
  await t.rejects(checkDrift({ schemaPath, url: testServerUrl() }), {
    reason: 'usage',
    message: /names no database/,
  })
})
