import t from 'tap'
import { formatDriftReport } from '../../src/drift/format.js'
import type { DriftIssue, DriftReport } from '../../src/drift/types.js'

const report = (issues: DriftIssue[], unchecked: DriftReport['unchecked'] = []): DriftReport => ({
  database: 'shop',
  flavor: 'mysql',
  version: '8.4.3',
  tablesCompared: 2,
  issues,
  unchecked,
  hasDrift: issues.length > 0,
})

t.test('no drift is one line naming the database and server', async (t) => {
  t.equal(formatDriftReport(report([])), 'No drift: database shop (MySQL 8.4.3) matches the Prisma schema (2 tables compared).')
  t.match(
    formatDriftReport({ ...report([]), flavor: 'mariadb', version: '10.11.19-MariaDB-0+deb12u1' }),
    /\(MariaDB 10\.11\.19\)/,
  )
})

t.test('every difference is one line, grouped by table, each starting with the table', async (t) => {
  const text = formatDriftReport(
    report([
      { kind: 'type', table: 'customers', column: 'Phone', expected: 'varchar(32)', actual: 'varchar(20)' },
      { kind: 'missing-table', table: 'branches', model: 'Branch' },
      { kind: 'nullability', table: 'customers', column: 'Email', expectedNullable: true, actualNullable: false },
      { kind: 'extra-table', table: 'audit' },
      { kind: 'missing-column', table: 'customers', column: 'Photo', field: 'photo', expected: 'varchar(255) NULL' },
      { kind: 'extra-column', table: 'customers', column: 'Nick', actual: 'json NULL' },
      {
        kind: 'enum-values',
        table: 'customers',
        column: 'Gender',
        expected: "enum('Male','Female')",
        actual: "enum('Male','Other')",
        missingInDatabase: ['Female'],
        extraInDatabase: ['Other'],
      },
      {
        kind: 'enum-values',
        table: 'customers',
        column: 'Language',
        expected: "enum('ar','en')",
        actual: "enum('en','ar')",
        missingInDatabase: [],
        extraInDatabase: [],
      },
      { kind: 'default', table: 'customers', column: 'Language', expected: "'ar'", actual: "'en'" },
      { kind: 'missing-index', table: 'customers', index: 'customers_Phone_key', expected: 'UNIQUE (Phone)' },
      { kind: 'extra-index', table: 'customers', index: 'by_name', actual: 'INDEX (Last_Name)' },
      { kind: 'index', table: 'customers', index: 'i', expected: 'INDEX (a, b)', actual: 'INDEX (a)' },
    ]),
  )
  t.equal(
    text,
    [
      'Drift: database shop (MySQL 8.4.3) differs from the Prisma schema in 12 places.',
      '',
      'audit: table in database, not in schema',
      'branches: table missing in database (model Branch)',
      'customers: column Phone: type varchar(20) in database, varchar(32) in schema',
      'customers: column Email: NOT NULL in database, NULL in schema',
      'customers: column Photo: missing in database (schema: varchar(255) NULL, field photo)',
      'customers: column Nick: in database (json NULL), not in schema',
      "customers: column Gender: enum('Male','Other') in database, enum('Male','Female') in schema (only in database: Other; only in schema: Female)",
      "customers: column Language: enum('en','ar') in database, enum('ar','en') in schema (same values in another order)",
      "customers: column Language: default 'en' in database, 'ar' in schema",
      'customers: index customers_Phone_key: missing in database (schema: UNIQUE (Phone))',
      'customers: index by_name: in database (INDEX (Last_Name)), not in schema',
      'customers: index i: INDEX (a) in database, INDEX (a, b) in schema',
    ].join('\n'),
  )
})

t.test('a single difference says "place"; unchecked hidden items are listed', async (t) => {
  const text = formatDriftReport(
    report([{ kind: 'extra-table', table: 'audit' }], [{ table: 'likes' }, { table: 'orders', column: 'Geo' }]),
  )
  t.match(text, /differs from the Prisma schema in 1 place\./)
  t.match(text, /\n\nNot checked \(@@ignore, @ignore or Unsupported in the schema\): likes, orders\.Geo$/)
})
