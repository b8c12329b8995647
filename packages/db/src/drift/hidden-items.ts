import type { HiddenSchemaItems } from './types.js'

/**
 * Finds what the DMMF leaves out although the schema declares it: models marked `@@ignore`, fields marked
 * `@ignore`, and `Unsupported(...)` fields. A line scan is enough here because the schema has already been
 * validated by Prisma's parser, and a miss only means an item is reported as extra.
 */
export function findHiddenSchemaItems(schema: string): HiddenSchemaItems {
  const hidden: HiddenSchemaItems = { tables: [], columns: [] }
  const blockPattern = /^[ \t]*model[ \t]+(\w+)[ \t]*\{([\s\S]*?)^[ \t]*\}/gm
  for (const [, modelName = '', body = ''] of schema.matchAll(blockPattern)) {
    const lines = body.split('\n').map(stripComment)
    const tableMap = lines.map((line) => /^@@map\(\s*(?:name:\s*)?"([^"]*)"/.exec(line)?.[1]).find(Boolean)
    const table = tableMap ?? modelName
    if (lines.some((line) => /^@@ignore\b/.test(line))) {
      hidden.tables.push({ table, model: modelName })
      continue
    }
    for (const line of lines) {
      const field = /^(\w+)\s+(\S+)(.*)$/.exec(line)
      if (!field) continue
      const [, name = '', type = '', attributes = ''] = field
      if (!type.startsWith('Unsupported(') && !/(^|\s)@ignore\b/.test(attributes)) continue
      const column = /@map\(\s*(?:name:\s*)?"([^"]*)"/.exec(attributes)?.[1] ?? name
      hidden.columns.push({ table, column })
    }
  }
  return hidden
}

// Strips a trailing `//` comment and surrounding blanks; `//` inside a string literal is rare enough in
// attribute arguments that a miss costs only a spurious "extra" report.
function stripComment(line: string): string {
  const comment = line.indexOf('//')
  return (comment === -1 ? line : line.slice(0, comment)).trim()
}
