import type { DriftIssue, DriftReport } from './types.js'

/**
 * A readable report, one line per difference, grouped by table and each line starting with the table so it
 * can be grepped: `customers: column Phone: type varchar(20) in database, varchar(32) in schema`.
 */
export function formatDriftReport(report: DriftReport): string {
  const server = `${report.database} (${serverName(report)})`
  const lines: string[] = []
  if (!report.hasDrift) {
    lines.push(`No drift: database ${server} matches the Prisma schema (${report.tablesCompared} tables compared).`)
  } else {
    const count = report.issues.length
    lines.push(`Drift: database ${server} differs from the Prisma schema in ${count} ${count === 1 ? 'place' : 'places'}.`)
    const byTable = new Map<string, DriftIssue[]>()
    for (const issue of report.issues) byTable.set(issue.table, [...(byTable.get(issue.table) ?? []), issue])
    lines.push('')
    for (const table of [...byTable.keys()].sort()) {
      for (const issue of byTable.get(table) ?? []) lines.push(`${table}: ${describeIssue(issue)}`)
    }
  }
  if (report.unchecked.length > 0) {
    const items = report.unchecked.map((item) => (item.column ? `${item.table}.${item.column}` : item.table))
    lines.push('', `Not checked (@@ignore, @ignore or Unsupported in the schema): ${items.join(', ')}`)
  }
  return lines.join('\n')
}

export function describeIssue(issue: DriftIssue): string {
  switch (issue.kind) {
    case 'missing-table':
      return `table missing in database (model ${issue.model})`
    case 'extra-table':
      return 'table in database, not in schema'
    case 'missing-column':
      return `column ${issue.column}: missing in database (schema: ${issue.expected}, field ${issue.field})`
    case 'extra-column':
      return `column ${issue.column}: in database (${issue.actual}), not in schema`
    case 'type':
      return `column ${issue.column}: type ${issue.actual} in database, ${issue.expected} in schema`
    case 'enum-values':
      return `column ${issue.column}: ${issue.actual} in database, ${issue.expected} in schema (${enumDifference(issue)})`
    case 'nullability':
      return `column ${issue.column}: ${nullability(issue.actualNullable)} in database, ${nullability(issue.expectedNullable)} in schema`
    case 'default':
      return `column ${issue.column}: default ${issue.actual} in database, ${issue.expected} in schema`
    case 'collation':
      return `column ${issue.column}: collation ${issue.actual} in database, ${issue.expected} expected (the legacy tables' own)`
    case 'on-update':
      return issue.expected
        ? `column ${issue.column}: no ON UPDATE CURRENT_TIMESTAMP in database, which the legacy application relies on`
        : `column ${issue.column}: ON UPDATE CURRENT_TIMESTAMP in database, not expected`
    case 'missing-index':
      return `index ${issue.index}: missing in database (schema: ${issue.expected})`
    case 'extra-index':
      return `index ${issue.index}: in database (${issue.actual}), not in schema`
    case 'index':
      return `index ${issue.index}: ${issue.actual} in database, ${issue.expected} in schema`
  }
}

function enumDifference(issue: Extract<DriftIssue, { kind: 'enum-values' }>): string {
  const parts: string[] = []
  if (issue.extraInDatabase.length > 0) parts.push(`only in database: ${issue.extraInDatabase.join(', ')}`)
  if (issue.missingInDatabase.length > 0) parts.push(`only in schema: ${issue.missingInDatabase.join(', ')}`)
  return parts.length > 0 ? parts.join('; ') : 'same values in another order'
}

function nullability(nullable: boolean): string {
  return nullable ? 'NULL' : 'NOT NULL'
}

// `10.11.19-MariaDB-0+deb12u1` -> `MariaDB 10.11.19`; `8.4.3` -> `MySQL 8.4.3`.
function serverName(report: DriftReport): string {
  const number = /^[\d.]+/.exec(report.version)?.[0] ?? report.version
  return `${report.flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} ${number}`
}
