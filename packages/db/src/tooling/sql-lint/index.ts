import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scanSource, sqlStrings } from './extract.js'
import { type LintFinding, lintDriverOptions, lintSql } from './rules.js'

export { type LintFinding, lintDriverOptions, lintSql, SQL_RULES } from './rules.js'
export { scanSource, sqlStrings } from './extract.js'

export interface LocatedFinding extends LintFinding {
  /** Repository-relative path and 1-based line. */
  file: string
  line: number
}

const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url))

/**
 * Rules a file may break on purpose: the one place that branches the statement time limit by server. A
 * suppression lives here, in review, rather than in a comment next to the SQL.
 */
const ALLOWED: Record<string, ReadonlySet<string>> = {
  'packages/db/src/session.ts': new Set(['max-statement-time']),
}

/** Removes `-- …`, `# …` and `/* … *\/` comments from a SQL script, keeping line numbers. */
export function stripSqlComments(sql: string): string {
  return sql
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|\s)(--|#)[^\n]*/g, '$1')
}

/** Lints one migration script; each finding carries the line its statement starts on. */
export function lintMigration(file: string, script: string): LocatedFinding[] {
  const findings: LocatedFinding[] = []
  const clean = stripSqlComments(script)
  let offset = 0
  for (const statement of clean.split(';')) {
    const line = clean.slice(0, offset).split('\n').length + (statement.match(/^\s*/)?.[0].split('\n').length ?? 1) - 1
    for (const finding of lintSql(`${statement};`, ALLOWED[file])) findings.push({ ...finding, file, line })
    offset += statement.length + 1
  }
  return findings
}

/** Lints the SQL strings and driver options of one TypeScript source file. */
export function lintSource(file: string, source: string): LocatedFinding[] {
  const scanned = scanSource(source)
  const findings: LocatedFinding[] = []
  for (const s of sqlStrings(scanned)) {
    for (const finding of lintSql(s.text, ALLOWED[file])) findings.push({ ...finding, file, line: s.line })
  }
  for (const finding of lintDriverOptions(scanned.code, scanned.strings.map((s) => s.text))) {
    findings.push({ ...finding, file, line: 0 })
  }
  return findings
}

async function filesUnder(dir: string, keep: (path: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(keep)
    .sort()
}

/** What the lint covers: every migration, and the sources of every app and package (not generated code). */
export async function lintedFiles(root = REPO_ROOT): Promise<{ migrations: string[]; sources: string[] }> {
  const migrations = await filesUnder(join(root, 'prisma/migrations'), (path) => path.endsWith('.sql'))
  const sources: string[] = []
  for (const group of ['apps', 'packages']) {
    for (const entry of await readdir(join(root, group), { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory()) continue
      sources.push(
        ...(await filesUnder(
          join(root, group, entry.name, 'src'),
          (path) => /\.(ts|mts|js|mjs)$/.test(path) && !/\/(generated|tooling\/sql-lint)\//.test(path),
        )),
      )
    }
  }
  return { migrations, sources }
}

/** Lints the repository; an empty list means it is clean. */
export async function lintRepository(root = REPO_ROOT): Promise<{ findings: LocatedFinding[]; filesChecked: number }> {
  const { migrations, sources } = await lintedFiles(root)
  const findings: LocatedFinding[] = []
  for (const path of migrations) findings.push(...lintMigration(relative(root, path), await readFile(path, 'utf8')))
  for (const path of sources) findings.push(...lintSource(relative(root, path), await readFile(path, 'utf8')))
  return { findings, filesChecked: migrations.length + sources.length }
}

export function formatFinding(finding: LocatedFinding): string {
  return `${finding.file}:${finding.line}: [${finding.rule}] ${finding.message}\n    ${finding.excerpt}`
}
