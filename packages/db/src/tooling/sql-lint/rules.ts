/**
 * What breaks on MySQL 8.4 (production) but passes on MariaDB 10.11 (CI), or is MariaDB-only syntax. Each rule
 * looks at one SQL text: a migration statement or a SQL string of the code.
 */

export interface LintFinding {
  rule: string
  message: string
  /** The offending text, shortened. */
  excerpt: string
}

export interface SqlRule {
  id: string
  message: string
  /** Sees string literals as written; other rules see them emptied, so quoted text never matches. */
  readsLiterals?: boolean
  find(sql: string): string[]
}

// MySQL 8.4's reserved words (manual, "Keywords and Reserved Words", R), 8.4 additions included.
const RESERVED = new Set(
  `ACCESSIBLE ADD ALL ALTER ANALYZE AND AS ASC ASENSITIVE BEFORE BETWEEN BIGINT BINARY BLOB BOTH BY CALL CASCADE CASE
  CHANGE CHAR CHARACTER CHECK COLLATE COLUMN CONDITION CONSTRAINT CONTINUE CONVERT CREATE CROSS CUBE CUME_DIST
  CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DATABASES DAY_HOUR DAY_MICROSECOND
  DAY_MINUTE DAY_SECOND DEC DECIMAL DECLARE DEFAULT DELAYED DELETE DENSE_RANK DESC DESCRIBE DETERMINISTIC DISTINCT
  DISTINCTROW DIV DOUBLE DROP DUAL EACH ELSE ELSEIF EMPTY ENCLOSED ESCAPED EXCEPT EXISTS EXIT EXPLAIN FALSE FETCH
  FIRST_VALUE FLOAT FLOAT4 FLOAT8 FOR FORCE FOREIGN FROM FULLTEXT FUNCTION GENERATED GET GRANT GROUP GROUPING GROUPS
  HAVING HIGH_PRIORITY HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IF IGNORE IN INDEX INFILE INNER INOUT INSENSITIVE
  INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERSECT INTERVAL INTO IO_AFTER_GTIDS IO_BEFORE_GTIDS IS ITERATE JOIN
  JSON_TABLE KEY KEYS KILL LAG LAST_VALUE LATERAL LEAD LEADING LEAVE LEFT LIKE LIMIT LINEAR LINES LOAD LOCALTIME
  LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP LOW_PRIORITY MANUAL MASTER_BIND MASTER_SSL_VERIFY_SERVER_CERT MATCH
  MAXVALUE MEDIUMBLOB MEDIUMINT MEDIUMTEXT MIDDLEINT MINUTE_MICROSECOND MINUTE_SECOND MOD MODIFIES NATURAL NOT
  NO_WRITE_TO_BINLOG NTH_VALUE NTILE NULL NUMERIC OF ON OPTIMIZE OPTIMIZER_COSTS OPTION OPTIONALLY OR ORDER OUT OUTER
  OUTFILE OVER PARALLEL PARTITION PERCENT_RANK PRECISION PRIMARY PROCEDURE PURGE QUALIFY RANGE RANK READ READS
  READ_WRITE REAL RECURSIVE REFERENCES REGEXP RELEASE RENAME REPEAT REPLACE REQUIRE RESIGNAL RESTRICT RETURN REVOKE
  RIGHT RLIKE ROW ROWS ROW_NUMBER SCHEMA SCHEMAS SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SET SHOW SIGNAL
  SMALLINT SPATIAL SPECIFIC SQL SQLEXCEPTION SQLSTATE SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS SQL_SMALL_RESULT
  SSL STARTING STORED STRAIGHT_JOIN SYSTEM TABLE TABLESAMPLE TERMINATED THEN TINYBLOB TINYINT TINYTEXT TO TRAILING
  TRIGGER TRUE UNDO UNION UNIQUE UNLOCK UNSIGNED UPDATE USAGE USE USING UTC_DATE UTC_TIME UTC_TIMESTAMP VALUES
  VARBINARY VARCHAR VARCHARACTER VARYING VIRTUAL WHEN WHERE WHILE WINDOW WITH WRITE XOR YEAR_MONTH ZEROFILL`.split(/\s+/),
)

// Words that legitimately follow the positions below as keywords, not as names.
const KEYWORD_AFTER_AS = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE', 'CHAR', 'BINARY', 'DECIMAL', 'DEC', 'UNSIGNED', 'INTEGER', 'INT', 'DOUBLE', 'FLOAT', 'REAL'])
const KEYWORD_AFTER_TABLE_WORD = new Set(['DUAL', 'IF', 'SELECT', 'IGNORE', 'LOW_PRIORITY', 'HIGH_PRIORITY', 'DELAYED'])
const COLUMN_TYPE =
  /^(TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT|DECIMAL|NUMERIC|FLOAT|DOUBLE|BIT|BOOL|BOOLEAN|CHAR|VARCHAR|BINARY|VARBINARY|TINYTEXT|TEXT|MEDIUMTEXT|LONGTEXT|TINYBLOB|BLOB|MEDIUMBLOB|LONGBLOB|ENUM|SET|DATE|DATETIME|TIMESTAMP|TIME|YEAR|JSON)\b/i

/** Reserved words where SQL names a table, a column or an alias, outside backticks. */
function unquotedReservedNames(sql: string): string[] {
  const found: string[] = []
  // Backticked names and string literals are fine whatever they hold.
  const bare = sql.replace(/`(?:[^`]|``)*`/g, '`x`').replace(/'(?:[^'\\]|\\.|'')*'/g, "''")
  const check = (word: string | undefined, context: string, skip: Set<string> = new Set()) => {
    if (!word) return
    const upper = word.toUpperCase()
    if (RESERVED.has(upper) && !skip.has(upper)) found.push(`${context} ${word}`)
  }
  for (const m of bare.matchAll(/\bAS\s+([A-Za-z_]\w*)\b(?!\s*\()/gi)) check(m[1], 'AS', KEYWORD_AFTER_AS)
  // `ON UPDATE CURRENT_TIMESTAMP` is a column attribute, not a table.
  for (const m of bare.matchAll(/\b(FROM|JOIN|INTO|(?<!\bON\s+)UPDATE|TABLE)\s+([A-Za-z_]\w*)\b(?!\s*[.(])/gi)) {
    check(m[2], m[1] ?? '', KEYWORD_AFTER_TABLE_WORD)
  }
  for (const m of bare.matchAll(/\b(ADD|MODIFY|CHANGE|DROP)\s+COLUMN\s+([A-Za-z_]\w*)/gi)) check(m[2], `${m[1]} COLUMN`)
  // Column definitions: `name TYPE` at the start of a line or after `(`/`,` inside CREATE TABLE.
  for (const statement of bare.split(';')) {
    if (!/\bCREATE\s+(TEMPORARY\s+)?TABLE\b/i.test(statement)) continue
    for (const m of statement.matchAll(/(?:^|[(,])\s*([A-Za-z_]\w*)\s+(\w+)/gm)) {
      if (COLUMN_TYPE.test(m[2] ?? '')) check(m[1], 'column')
    }
  }
  return found
}

function matches(pattern: RegExp) {
  return (sql: string) => [...sql.matchAll(pattern)].map((m) => m[0])
}

export const SQL_RULES: SqlRule[] = [
  {
    id: 'returning',
    message: 'RETURNING is MariaDB-only; read the row back (or use the insert id) instead',
    find: matches(/\b(INSERT|REPLACE|DELETE)\b[^;]*\bRETURNING\b/gi),
  },
  {
    id: 'values-in-upsert',
    message: 'VALUES() in ON DUPLICATE KEY UPDATE is deprecated on MySQL 8.4 and MariaDB 10.11 has no row alias: pass the parameter again',
    find: matches(/\bON\s+DUPLICATE\s+KEY\s+UPDATE\b[^;]*?\bVALUES\s*\(/gi),
  },
  {
    id: 'max-statement-time',
    message: 'max_statement_time and SET STATEMENT … FOR are MariaDB-only; time limits live in the server branch of packages/db/src/session.ts',
    find: matches(/\bmax_statement_time\b|\bSET\s+STATEMENT\b[^;]*\bFOR\b/gi),
  },
  {
    id: 'persistent',
    message: 'PERSISTENT generated columns are MariaDB-only; use STORED (or VIRTUAL with an index)',
    find: matches(/\bPERSISTENT\b/gi),
  },
  {
    id: 'if-exists-on-alter-or-index',
    message: 'IF [NOT] EXISTS on ALTER TABLE clauses and on CREATE/DROP INDEX is MariaDB-only',
    find: matches(/\bALTER\s+TABLE\b[^;]*?\bIF\s+(NOT\s+)?EXISTS\b|\b(CREATE\s+(UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?|DROP\s+)INDEX\s+IF\s+(NOT\s+)?EXISTS\b/gi),
  },
  {
    id: 'foreign-key',
    message:
      'the legacy database has no foreign keys and the legacy application writes references they would refuse; relations are declared in schema.prisma only (pnpm db:check --orphans reports broken ones)',
    find: matches(/\bFOREIGN\s+KEY\b|\bREFERENCES\s+`?\w+`?\s*\(/gi),
  },
  {
    id: 'show-slave-master',
    message: 'SHOW SLAVE/MASTER … is gone in MySQL 8.4; use SHOW REPLICA STATUS (columns differ) or a heartbeat row',
    find: matches(/\bSHOW\s+(SLAVE|MASTER)\b/gi),
  },
  {
    id: 'reserved-word',
    message: 'a MySQL 8.4 reserved word used as a name must be backtick-quoted',
    find: unquotedReservedNames,
  },
  {
    id: 'create-table-collate',
    message: 'CREATE TABLE without COLLATE gets utf8mb4_0900_ai_ci on MySQL 8.4, which mixes badly with the legacy utf8mb4_unicode_ci',
    find: (sql) =>
      sql
        .split(';')
        .filter((statement) => /\bCREATE\s+(TEMPORARY\s+)?TABLE\b/i.test(statement) && !/\bCOLLATE\b/i.test(statement))
        .map((statement) => statement.trim()),
  },
  {
    id: 'get-lock-name',
    readsLiterals: true,
    message: 'GET_LOCK names are at most 64 characters on MySQL: use a literal that fits or a parameter checked in code',
    find: (sql) =>
      [...sql.matchAll(/\bGET_LOCK\s*\(\s*('(?:[^'\\]|\\.|'')*'|[^,)]*)/gi)]
        .filter((m) => {
          const name = (m[1] ?? '').trim()
          if (name === '?') return false
          if (name.startsWith("'")) return name.length - 2 > 64
          return true // an expression (CONCAT, a column): its length is unbounded here
        })
        .map((m) => m[0]),
  },
]

/** Findings in one SQL text; `allow` names rule ids this text may break (the server branch, say). */
export function lintSql(sql: string, allow: ReadonlySet<string> = new Set()): LintFinding[] {
  const findings: LintFinding[] = []
  const withoutLiterals = sql.replace(/'(?:[^'\\]|\\.|'')*'/g, "''")
  for (const rule of SQL_RULES) {
    if (allow.has(rule.id)) continue
    for (const hit of rule.find(rule.readsLiterals ? sql : withoutLiterals)) {
      findings.push({ rule: rule.id, message: rule.message, excerpt: hit.replace(/\s+/g, ' ').slice(0, 120) })
    }
  }
  return findings
}

/**
 * The driver's own time limits: `queryTimeout` breaks every MySQL connection (mariadb 3.4.5 sends MariaDB's
 * statement to it) and a query's `timeout` option makes the driver kill the query; both are looked for in code
 * and in connection URLs.
 */
export function lintDriverOptions(code: string, strings: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = []
  const message = "the driver's queryTimeout/timeout options: MySQL connections fail or queries are killed; use DB_QUERY_TIMEOUT_MS"
  for (const m of code.matchAll(/\bqueryTimeout\s*[:=]/g)) findings.push({ rule: 'driver-timeout', message, excerpt: m[0] })
  for (const m of code.matchAll(/\{[^{}]*\bsql\b\s*(?=[:,}])[^{}]*\btimeout\s*:[^{}]*\}|\{[^{}]*\btimeout\s*:[^{}]*\bsql\b\s*(?=[:,}])[^{}]*\}/g)) {
    findings.push({ rule: 'driver-timeout', message, excerpt: m[0].replace(/\s+/g, ' ').slice(0, 120) })
  }
  for (const text of strings) {
    for (const m of text.matchAll(/[?&]queryTimeout=/g)) findings.push({ rule: 'driver-timeout', message, excerpt: m[0] })
  }
  return findings
}
