const ABSOLUTE_HTTP_URL = /^https?:\/\//i
const PROTOCOL_RELATIVE_URL = /^\/\/[^/]/
// An existing escape (kept, so `%20` is not encoded twice) or one code point outside RFC 3986 pchar (encoded).
const ESCAPE_OR_UNSAFE_CHARACTER = /%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu

/**
 * Composes the public URL of a legacy media column (a path relative to `CONTENT_URL`).
 *
 * Legacy rows hold anything: empty strings, full URLs, protocol-relative URLs, paths with Arabic file names or
 * spaces, with or without leading slashes. Characters a path segment may not hold are percent-encoded (UTF-8), so `?`
 * and `#` count as part of a file name. Returns `null` when there is no usable path, including any `.` / `..`
 * traversal segment (also percent-encoded), so a row can never point outside the content host's tree.
 */
export function buildMediaUrl(contentUrl: string, path: string | null | undefined): string | null {
  const trimmed = path?.trim()
  if (!trimmed) return null
  if (ABSOLUTE_HTTP_URL.test(trimmed)) return trimmed
  if (PROTOCOL_RELATIVE_URL.test(trimmed)) return `https:${trimmed}`

  const segments: string[] = []
  for (const segment of trimmed.split('/')) {
    if (segment === '') continue
    if (isTraversal(segment)) return null
    segments.push(encodePathSegment(segment))
  }
  if (segments.length === 0) return null
  return `${contentUrl.replace(/\/+$/, '')}/${segments.join('/')}`
}

function isTraversal(segment: string): boolean {
  // A server may decode escapes and treat a backslash as a separator, so check what it could see.
  return segment
    .replace(/%2e/gi, '.')
    .split(/\\|%2f|%5c/i)
    .some((part) => part === '.' || part === '..')
}

/** Percent-encodes what a path segment may not contain (UTF-8), leaving existing `%XX` escapes as they are. */
function encodePathSegment(segment: string): string {
  return segment.replace(ESCAPE_OR_UNSAFE_CHARACTER, (match) =>
    match.length === 3 && match.startsWith('%') ? match : encodeCharacter(match),
  )
}

function encodeCharacter(character: string): string {
  try {
    return encodeURIComponent(character)
  } catch {
    // A lone surrogate (broken legacy text) has no UTF-8 form; U+FFFD keeps the URL valid.
    return '%EF%BF%BD'
  }
}
