import { fileURLToPath } from 'node:url'
import t from 'tap'
import { createTestDatabase } from '@cp/db/testing'
import { checkOrphans, formatOrphanReport, loadDeclaredRelations, orphanQueries } from '../../src/orphans/index.js'
import { rawConnection } from '../helpers.js'

const schemaPath = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url))

// Consistent rows, and rows whose reference points at nothing, written as the legacy application could.
const ROWS = [
  "INSERT INTO customers (Customer_ID, First_Name, Last_Name) VALUES (1, 'a', 'a'), (2, 'b', 'b')",
  "INSERT INTO consultations_categories (Category_ID, Name_Ar, Name_En) VALUES (1, 'x', 'x')",
  // 10: fine; 11: no category (NULL) and category 0, both "none"; 12, 13: customers that do not exist.
  `INSERT INTO consultants (Consultant_ID, Customer_ID, Category_ID, Branch_ID) VALUES
     (10, 1, 1, NULL), (11, 2, 0, NULL), (12, 98, NULL, NULL), (13, 99, 55, 0)`,
  // A required reference has no "none": Consultant_ID 0 points at nothing.
  `INSERT INTO consultant_contract (Contract_ID, Consultant_ID, Start_Date, End_Date, Commission_Rate) VALUES
     (1, 10, '2026-01-01', '2027-01-01', 10), (2, 0, '2026-01-01', '2027-01-01', 10)`,
  `INSERT INTO consultant_licenses (License_ID, Consultant_ID, License_Number, Expiry_Date) VALUES
     (1, 10, 'L1', '2027-01-01'), (2, 20, 'L2', '2027-01-01'), (3, 21, 'L3', '2027-01-01'), (4, 22, 'L4', '2027-01-01'),
     (5, 23, 'L5', '2027-01-01'), (6, 24, 'L6', '2027-01-01'), (7, 25, 'L7', '2027-01-01'), (8, 26, 'L8', '2027-01-01')`,
  // A string key: a refresh token whose session is gone.
  `INSERT INTO auth_refresh_tokens (id, session_id, token_hash, created_at) VALUES
     (5, 'b2d1a9f0-0000-4000-8000-000000000000', REPEAT('a', 64), NOW(3))`,
]

t.test('counts the orphaned rows of each declared relation and names the first ones', async (t) => {
  const { url } = await createTestDatabase(t)
  const conn = await rawConnection(t, url)
  for (const sql of ROWS) await conn.query(sql)

  const report = await checkOrphans({ schemaPath, url, sampleSize: 3 })
  const broken = Object.fromEntries(
    report.relations.filter((r) => r.orphans > 0).map((r) => [r.relation, { orphans: r.orphans, sample: r.sample }]),
  )
  t.same(broken, {
    'Consultant.customer': { orphans: 2, sample: [{ key: ['12'], reference: ['98'] }, { key: ['13'], reference: ['99'] }] },
    'Consultant.category': { orphans: 1, sample: [{ key: ['13'], reference: ['55'] }] },
    'ConsultantContract.consultant': { orphans: 1, sample: [{ key: ['2'], reference: ['0'] }] },
    'ConsultantLicense.consultant': {
      orphans: 7,
      sample: [
        { key: ['2'], reference: ['20'] },
        { key: ['3'], reference: ['21'] },
        { key: ['4'], reference: ['22'] },
      ],
    },
    'AuthRefreshToken.session': {
      orphans: 1,
      sample: [{ key: ['5'], reference: ['b2d1a9f0-0000-4000-8000-000000000000'] }],
    },
  })
  t.equal(report.orphans, 12)
  t.equal(report.hasOrphans, true)
  t.equal(report.relations.length, (await loadDeclaredRelations({ schemaPath })).length, 'every declared relation is counted')

  const text = formatOrphanReport(report)
  t.match(
    text,
    /^consultant_licenses\.Consultant_ID -> consultants\.Consultant_ID \(ConsultantLicense\.consultant\): 7 orphaned rows; License_ID \(reference\): 2 \(20\), 3 \(21\), 4 \(22\), …$/m,
  )
  t.match(text, /^consultants\.Category_ID -> consultations_categories\.Category_ID \(Consultant\.category\): 1 orphaned row; Consultant_ID \(reference\): 13 \(55\)$/m)
  t.match(text, /^12 orphaned rows in 5 of \d+ relations \(database tl_\w+\)\.$/m)
})

t.test('a consistent database has no orphans', async (t) => {
  const { url } = await createTestDatabase(t)
  const conn = await rawConnection(t, url)
  await conn.query(ROWS[0]!)
  await conn.query(ROWS[1]!)
  await conn.query('INSERT INTO consultants (Consultant_ID, Customer_ID, Category_ID) VALUES (10, 1, 1), (11, 2, NULL)')
  const report = await checkOrphans({ schemaPath, url })
  t.equal(report.hasOrphans, false)
  t.match(formatOrphanReport(report), /^No orphans: database tl_\w+, \d+ relations checked\.$/)
})

/**
 * "Index-backed": the referenced table is reached only through its primary or a unique key, one lookup per row
 * (eq_ref), never scanned and never joined through a join buffer. The owning table is read once, by a covering
 * index when one exists and by a table scan otherwise: counting its rows needs every row anyway. So the cost is one
 * pass over the owning table, whatever the size of the referenced one.
 */
t.test('every query reaches the referenced table through its key (EXPLAIN)', async (t) => {
  const { url } = await createTestDatabase(t)
  const conn = await rawConnection(t, url)
  for (const sql of ROWS) await conn.query(sql)
  const relations = await loadDeclaredRelations({ schemaPath })
  for (const relation of relations) {
    const queries = orphanQueries(relation)
    for (const [kind, sql] of [
      ['count', queries.count],
      ['sample', queries.sample.replace('LIMIT ?', 'LIMIT 5')],
    ] as const) {
      const plan = (await conn.query(`EXPLAIN ${sql}`)) as Array<{ table: string; type: string; key: string | null; Extra: string | null }>
      const name = `${relation.model}.${relation.field} (${kind})`
      const shown = plan.map((row) => `${row.table}:${row.type}:${row.key ?? '-'}`).join(' ')
      t.same(plan.map((row) => row.table), ['c', 'p'], `${name}: one pass over the owning table, then the referenced one`)
      const referenced = plan.find((row) => row.table === 'p')
      t.equal(referenced?.type, 'eq_ref', `${name}: one key lookup per row (${shown})`)
      t.equal(referenced?.key, 'PRIMARY', `${name}: through the primary key`)
      t.notMatch(referenced?.Extra ?? '', /join buffer/i, `${name}: no join buffer`)
    }
  }
})
