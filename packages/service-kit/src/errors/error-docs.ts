import { readFileSync, writeFileSync } from 'node:fs'
import type { ErrorCatalog } from '@cp/domain'

export const ERROR_CODES_START = '<!-- error-codes:start -->'
export const ERROR_CODES_END = '<!-- error-codes:end -->'

const cell = (text: string) => text.replaceAll('|', '\\|')

/** A Markdown table of a catalog's codes, in catalog order: code, HTTP status and what it means (English title). */
export function errorCodesTable(catalog: ErrorCatalog): string {
  const rows = Object.entries(catalog).map(([code, { status, title }]) => `| \`${code}\` | ${status} | ${cell(title.en)} |`)
  return ['| Code | HTTP | Meaning |', '| --- | --- | --- |', ...rows].join('\n')
}

/**
 * `markdown` with the block between the error-codes markers generated from the catalog. The markers must be there,
 * once each: a README that lost them would otherwise go stale without anyone noticing.
 */
export function withErrorCodes(markdown: string, catalog: ErrorCatalog): string {
  const start = markdown.indexOf(ERROR_CODES_START)
  const end = markdown.indexOf(ERROR_CODES_END)
  if (start < 0 || end < start || markdown.indexOf(ERROR_CODES_START, start + 1) >= 0) {
    throw new Error(`expected one ${ERROR_CODES_START} … ${ERROR_CODES_END} block`)
  }
  const block = `${ERROR_CODES_START}\n<!-- generated from the error catalog: pnpm readme:errors -->\n${errorCodesTable(catalog)}\n`
  return markdown.slice(0, start) + block + markdown.slice(end)
}

/** Rewrites a README's error-codes block from the catalog; says whether the file changed. */
export function writeErrorCodes(readmePath: string | URL, catalog: ErrorCatalog): boolean {
  const before = readFileSync(readmePath, 'utf8')
  const after = withErrorCodes(before, catalog)
  if (after !== before) writeFileSync(readmePath, after)
  return after !== before
}
