import t from 'tap'
import {
  formatFinding,
  lintMigration,
  lintRepository,
  lintSource,
  lintSql,
  SQL_RULES,
} from '../../src/tooling/sql-lint/index.js'

const rulesOf = (sql: string) => [...new Set(lintSql(sql).map((finding) => finding.rule))]

// One bad sample per rule, each of which MariaDB 10.11 accepts and MySQL 8.4 refuses or treats differently.
const BAD: Record<string, string[]> = {
  returning: ['INSERT INTO auth_sessions (Customer_ID) VALUES (?) RETURNING Session_ID', 'DELETE FROM otp_codes WHERE Expires_At < NOW() RETURNING Code_ID'],
  'values-in-upsert': ['INSERT INTO likes (Customer_ID, Hits) VALUES (?, ?) ON DUPLICATE KEY UPDATE Hits = VALUES(Hits)'],
  'max-statement-time': ['SET SESSION max_statement_time = 5', 'SET STATEMENT max_statement_time=1 FOR SELECT 1'],
  persistent: ["ALTER TABLE customers ADD COLUMN Phone_Norm VARCHAR(32) AS (REGEXP_REPLACE(Phone, '[^0-9+]', '')) PERSISTENT"],
  'if-exists-on-alter-or-index': [
    'ALTER TABLE customers ADD COLUMN IF NOT EXISTS Note VARCHAR(10)',
    'CREATE INDEX IF NOT EXISTS customers_Note_idx ON customers (Note)',
    'DROP INDEX IF EXISTS customers_Note_idx ON customers',
  ],
  'foreign-key': [
    'ALTER TABLE consultants ADD CONSTRAINT consultants_Customer_ID_fkey FOREIGN KEY (Customer_ID) REFERENCES customers(Customer_ID)',
    'CREATE TABLE t (id INT, customer_id INT REFERENCES customers (Customer_ID)) COLLATE=utf8mb4_unicode_ci',
  ],
  'show-slave-master': ['SHOW SLAVE STATUS', 'SHOW MASTER STATUS'],
  'reserved-word': [
    'SELECT COUNT(*) AS rank FROM consultants',
    'SELECT 1 FROM groups',
    'CREATE TABLE t (id INT, `rows` INT, window VARCHAR(10)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    'ALTER TABLE customers ADD COLUMN lateral INT',
  ],
  'create-table-collate': ['CREATE TABLE audit (id INT PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4'],
  'get-lock-name': [
    `SELECT GET_LOCK('${'x'.repeat(65)}', 0)`,
    "SELECT GET_LOCK(CONCAT('consultant_booking:', Consultant_ID, ':', Slot_Start), 0) FROM appointments",
  ],
}

// The portable spellings of the same intents: none of them may fire.
const GOOD = [
  'INSERT INTO auth_sessions (Customer_ID) VALUES (?)',
  'INSERT INTO likes (Customer_ID, Hits) VALUES (?, ?) ON DUPLICATE KEY UPDATE Hits = ?',
  "ALTER TABLE customers ADD COLUMN Phone_Norm VARCHAR(32) AS (REGEXP_REPLACE(Phone, '[^0-9+]', '')) VIRTUAL INVISIBLE",
  'CREATE INDEX customers_Phone_Norm_idx ON customers (Phone_Norm) ALGORITHM=INPLACE, LOCK=NONE',
  'CREATE TABLE IF NOT EXISTS audit (id INT PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'DROP TABLE IF EXISTS audit',
  'SHOW REPLICA STATUS',
  'SELECT COUNT(*) AS `rank`, c.Rating AS rating FROM consultants c WHERE c.`rows` > 0',
  'SELECT CAST(Created_at AS CHAR) AS createdAt FROM reviews',
  '`TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP',
  "SELECT GET_LOCK('prisma_migrate', 10)",
  'SELECT GET_LOCK(?, 0) AS locked',
  'SELECT 1 FROM DUAL',
  "SELECT 'RETURNING, PERSISTENT and SHOW SLAVE STATUS inside a string literal are just text' AS note",
]

t.test('every rule fires on its bad samples', async (t) => {
  t.same(Object.keys(BAD).sort(), SQL_RULES.map((rule) => rule.id).sort(), 'a sample for each rule')
  for (const [rule, samples] of Object.entries(BAD)) {
    for (const sql of samples) t.ok(rulesOf(sql).includes(rule), `${rule}: ${sql.slice(0, 70)}`)
  }
})

t.test('the portable spellings pass', async (t) => {
  for (const sql of GOOD) t.same(rulesOf(sql), [], sql.slice(0, 70))
})

t.test("the driver's queryTimeout and per-query timeout options are refused in code and in connection URLs", async (t) => {
  const sources = {
    'pool option': "createPool({ host, queryTimeout: 5000 })",
    'query option': "await conn.query({ sql: 'SELECT 1', timeout: 1000 })",
    'query option, other order': "await conn.query({ timeout: 1000, sql })",
    'URL option': "const url = 'mysql://root@db/app?allowPublicKeyRetrieval=true&queryTimeout=5000'",
  }
  for (const [what, source] of Object.entries(sources)) {
    t.match(lintSource('x.ts', source), [{ rule: 'driver-timeout' }], what)
  }
  t.same(lintSource('x.ts', "setTimeout(done, 100); createPool({ connectTimeout: 500, acquireTimeout: 800 }); fetch(url, { timeout: 5 })"), [])
})

t.test('SQL is found in tagged templates and statement strings, not in comments or regular expressions', async (t) => {
  const source = [
    '// SELECT 1 AS rank in a comment is not SQL',
    '/* SHOW SLAVE STATUS */',
    "const pattern = /RETURNING ' `/",
    'const rows = await prisma.$queryRaw`SELECT COUNT(*) AS rank FROM consultants WHERE Category_ID = ${id}`',
    "const fragment = Prisma.sql`AND c.Branch_ID = ${branch} ORDER BY ${Prisma.sql`c.Rating DESC`}`",
    "await conn.query('SHOW MASTER STATUS')",
  ].join('\n')
  const findings = lintSource('apps/x/src/repo.ts', source)
  t.same(findings.map((finding) => [finding.rule, finding.line]), [
    ['reserved-word', 4],
    ['show-slave-master', 6],
  ])
  t.match(formatFinding(findings[0]!), /^apps\/x\/src\/repo\.ts:4: \[reserved-word\]/)
})

t.test('a migration is linted statement by statement, comments left out, with the line of each statement', async (t) => {
  const script = [
    '-- RETURNING in a comment is fine',
    'CREATE TABLE ok_table (id INT) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;',
    '',
    'CREATE TABLE no_collation (id INT);',
  ].join('\n')
  t.same(lintMigration('prisma/migrations/9_x/migration.sql', script).map((finding) => [finding.rule, finding.line]), [
    ['create-table-collate', 4],
  ])
})

t.test('the repository is clean: migrations and every SQL string of apps/*/src and packages/*/src', async (t) => {
  const { findings, filesChecked } = await lintRepository()
  t.ok(filesChecked > 50, `${filesChecked} files checked`)
  t.same(findings.map(formatFinding), [])
})
