const ABSOLUTE_HTTP_URL = /^https?:\/\//i
const PROTOCOL_RELATIVE_URL = /^\/\/[^/]/
/** Any other scheme (`javascript:`, `data:`, `ftp:`, `mailto:`, `https:\\host`): never a media URL. */
const OTHER_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/

// RFC 3986: what a path segment (pchar) and a query or fragment may hold without escaping.
const PCHAR = "A-Za-z0-9\\-._~!$&'()*+,;=:@"
// An existing escape (kept, so `%20` is not encoded twice) or one code point outside the allowed set (encoded).
const UNSAFE_IN_SEGMENT = new RegExp(`%[0-9A-Fa-f]{2}|[^${PCHAR}]`, 'gu')
const UNSAFE_IN_PATH = new RegExp(`%[0-9A-Fa-f]{2}|[^${PCHAR}/]`, 'gu')
const UNSAFE_IN_QUERY = new RegExp(`%[0-9A-Fa-f]{2}|[^${PCHAR}/?]`, 'gu')

/** A host name of letters, digits, `-`, `_` and dots (IDNs arrive as punycode), an IPv4 address, or `[IPv6]`. */
const SAFE_HOST = /^(?:(?:[a-z0-9_-]+\.)*[a-z0-9_-]+\.?|\[[0-9a-f:.]+\])$/
const ESCAPED = '(?:%[0-9A-Fa-f]{2})'
/**
 * The final check every media URL passes: an absolute http(s) URL in RFC 3986 syntax, which is what JSON Schema's
 * `format: 'uri'` (the response schemas) and `new URL` both accept.
 */
const SAFE_MEDIA_URL = new RegExp(
  `^https?://(?:(?:[a-z0-9_-]+\\.)*[a-z0-9_-]+\\.?|\\[[0-9a-f:.]+\\])(?::[0-9]{1,5})?` +
    `(?:/(?:[${PCHAR}]|${ESCAPED})*)*` +
    `(?:\\?(?:[${PCHAR}/?]|${ESCAPED})*)?` +
    `(?:#(?:[${PCHAR}/?]|${ESCAPED})*)?$`,
  'i',
)

/**
 * Composes the public URL of a legacy media column (a path relative to `CONTENT_URL`).
 *
 * Legacy rows hold anything, and one bad value must not break a whole list, so the answer is always either a valid
 * absolute http(s) URL (RFC 3986, accepted by `new URL` and by `format: 'uri'`) or `null`, never an error:
 * - empty or blank: `null`;
 * - a full `http(s)://` URL (another host included) is parsed and re-serialised with every character RFC 3986 does
 *   not allow percent-encoded (`https://a.b/c d.png` -> `https://a.b/c%20d.png`); one with credentials
 *   (`https://cdn@evil.example/`), an unusable host or port is `null`;
 * - `//host/path` is taken as `https://host/path`, by the same rules;
 * - any other scheme (`javascript:`, `data:`, `ftp:`, `file:`, `https:\\host`) is `null`;
 * - anything else is a path under `CONTENT_URL`: characters a path segment may not hold are percent-encoded (UTF-8),
 *   so `?`, `#` and `\` count as part of a file name; any `.` / `..` traversal segment (also percent-encoded or
 *   behind a backslash) makes it `null`, so a row can never point outside the content host's tree.
 */
export function buildMediaUrl(contentUrl: string, path: string | null | undefined): string | null {
  const trimmed = path?.trim()
  if (!trimmed) return null
  const url = ABSOLUTE_HTTP_URL.test(trimmed)
    ? normalizeAbsoluteUrl(trimmed)
    : PROTOCOL_RELATIVE_URL.test(trimmed)
      ? normalizeAbsoluteUrl(`https:${trimmed}`)
      : OTHER_SCHEME.test(trimmed)
        ? null
        : joinContentPath(contentUrl, trimmed)
  return url !== null && SAFE_MEDIA_URL.test(url) ? url : null
}

function joinContentPath(contentUrl: string, path: string): string | null {
  const segments: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '') continue
    if (isTraversal(segment)) return null
    segments.push(encodeOutside(segment, UNSAFE_IN_SEGMENT))
  }
  if (segments.length === 0) return null
  return `${contentUrl.replace(/\/+$/, '')}/${segments.join('/')}`
}

/**
 * WHATWG parsing resolves dot segments, punycodes the host and encodes spaces and non-ASCII characters, but leaves
 * characters such as `|`, `^`, `[`, `{` or a bare `%` that RFC 3986 (and so `format: 'uri'`) refuses: those are
 * encoded here.
 */
function normalizeAbsoluteUrl(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username !== '' || url.password !== '') return null
  if (!SAFE_HOST.test(url.hostname)) return null
  const port = url.port === '' ? '' : `:${url.port}`
  const query = url.search === '' ? '' : `?${encodeOutside(url.search.slice(1), UNSAFE_IN_QUERY)}`
  const fragment = url.hash === '' ? '' : `#${encodeOutside(url.hash.slice(1), UNSAFE_IN_QUERY)}`
  return `${url.protocol}//${url.hostname}${port}${encodeOutside(url.pathname, UNSAFE_IN_PATH)}${query}${fragment}`
}

function isTraversal(segment: string): boolean {
  // A server may decode escapes and treat a backslash as a separator, so check what it could see.
  return segment
    .replace(/%2e/gi, '.')
    .split(/\\|%2f|%5c/i)
    .some((part) => part === '.' || part === '..')
}

/** Percent-encodes (UTF-8) what `unsafe` matches, leaving existing `%XX` escapes as they are. */
function encodeOutside(text: string, unsafe: RegExp): string {
  return text.replace(unsafe, (match) => (match.length === 3 && match.startsWith('%') ? match : encodeCharacter(match)))
}

function encodeCharacter(character: string): string {
  try {
    return encodeURIComponent(character)
  } catch {
    // A lone surrogate (broken legacy text) has no UTF-8 form; U+FFFD keeps the URL valid.
    return '%EF%BF%BD'
  }
}
