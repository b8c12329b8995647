/**
 * Pulls SQL out of TypeScript source without a parser: a small scanner that knows comments, string and template
 * literals (with nested `${}`) and regular expression literals, which is all it takes to tell SQL text from code.
 */

export interface SourceString {
  /** The literal's text; each `${…}` of a template becomes `?`, as Prisma sends it. */
  text: string
  /** 1-based line of the opening quote. */
  line: number
  /** The identifier right before a template (`sql`, `Prisma.sql`, `$queryRaw`), if any. */
  tag?: string
}

export interface ScannedSource {
  strings: SourceString[]
  /** The code with comments removed and every literal emptied, for rules about code rather than SQL. */
  code: string
}

const REGEX_MAY_FOLLOW = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', ''])

export function scanSource(source: string): ScannedSource {
  const strings: SourceString[] = []
  let code = ''
  let i = 0
  let line = 1
  const lastSignificant = () => {
    const trimmed = code.trimEnd()
    if (/\b(return|typeof|case|in|of|yield|await)$/.test(trimmed)) return ''
    return trimmed.at(-1) ?? ''
  }

  const readQuoted = (quote: string): string => {
    let text = ''
    i += 1
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2)
        i += 2
        continue
      }
      if (source[i] === '\n') line += 1
      text += source[i]
      i += 1
    }
    i += 1
    return text
  }

  // A template literal from its backtick; nested templates inside `${}` are scanned as strings of their own.
  const readTemplate = (): string => {
    let text = ''
    i += 1
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2)
        i += 2
      } else if (source[i] === '$' && source[i + 1] === '{') {
        text += '?'
        i += 2
        let depth = 1
        while (i < source.length && depth > 0) {
          const c = source[i]
          if (c === '`') {
            const startLine = line
            strings.push({ text: readTemplate(), line: startLine })
            continue
          }
          if (c === "'" || c === '"') {
            readQuoted(c)
            continue
          }
          if (c === '{') depth += 1
          if (c === '}') depth -= 1
          if (c === '\n') line += 1
          i += 1
        }
      } else {
        if (source[i] === '\n') line += 1
        text += source[i]
        i += 1
      }
    }
    i += 1
    return text
  }

  while (i < source.length) {
    const c = source[i] ?? ''
    const next = source[i + 1]
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i += 1
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end === -1 ? source.length : end + 2
      line += (source.slice(i, stop).match(/\n/g) ?? []).length
      i = stop
    } else if (c === '/' && REGEX_MAY_FOLLOW.has(lastSignificant())) {
      // A regular expression literal: skip it, classes included, so its quotes and slashes start nothing.
      i += 1
      let inClass = false
      while (i < source.length && (inClass || source[i] !== '/') && source[i] !== '\n') {
        if (source[i] === '\\') i += 1
        else if (source[i] === '[') inClass = true
        else if (source[i] === ']') inClass = false
        i += 1
      }
      i += 1
      code += '/re/'
    } else if (c === "'" || c === '"') {
      const startLine = line
      strings.push({ text: readQuoted(c), line: startLine })
      code += `${c}${c}`
    } else if (c === '`') {
      const tag = /([\w$.]+)\s*$/.exec(code)?.[1]
      const startLine = line
      const text = readTemplate()
      strings.push({ text, line: startLine, ...(tag ? { tag } : {}) })
      code += '``'
    } else {
      if (c === '\n') line += 1
      code += c
      i += 1
    }
  }
  return { strings, code }
}

const SQL_START =
  /^\s*(\(\s*)?(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|SET|SHOW|WITH|CALL|RENAME|TRUNCATE|LOCK|UNLOCK|START TRANSACTION|COMMIT|ROLLBACK|EXPLAIN|DO)\b/
const SQL_TAGS = /(^|\.)(sql|raw|\$queryRaw|\$executeRaw|\$queryRawUnsafe|\$executeRawUnsafe|join)$/

/**
 * The strings of a source file that are SQL: a tagged SQL template, or text that starts like a statement. The
 * verb must be upper case (how this code base writes SQL), so English messages ("Select a category") stay out.
 */
export function sqlStrings(scanned: ScannedSource): SourceString[] {
  return scanned.strings.filter((s) => (s.tag !== undefined && SQL_TAGS.test(s.tag)) || SQL_START.test(s.text))
}
