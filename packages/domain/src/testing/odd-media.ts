/**
 * Values legacy media columns (VARCHAR(255)) may hold, for tests through the real routes of every service that
 * shows media: the ones that once made a whole list a 500, other schemes, host switches, traversal, control
 * characters, unicode and the longest values the column takes. None is longer than 255 characters.
 */
export const ODD_MEDIA_VALUES: readonly string[] = [
  'https://a.b/c d.png',
  'https://a.b/x|y^z[1]{2}`.png?q=a b',
  'http://a.b/c\td.png',
  'https://a.b/"quoted"<tag>.png#frag ment',
  'HTTP://A.B/Ü.png',
  'https://cdn.example.test@evil.example/x.png',
  'https://a{b}.example/x.png',
  'ftp://a.b/x.png',
  'javascript:alert(document.cookie)',
  ' data:text/html,<script>alert(1)</script>',
  'https:\\\\evil.example\\x.png',
  '//evil.example/x y.png',
  '/\\evil.example/x.png',
  '\\\\evil.example\\share\\x.png',
  '..\\..\\x.png',
  '../../etc/passwd',
  'uploads/%2e%2e/%2e%2e/x.png',
  'uploads/my photo (1).png',
  'صور/مستشار أحمد.png',
  'uploads/😀 x.png',
  'uploads/\u0000\u0001\u001f\u007f.png',
  'uploads/a\r\nSet-Cookie: x=y.png',
  'uploads/x?y#z.png',
  'uploads/%zz%.png',
  'C:\\photos\\x.png',
  '',
  '   ',
  '\t\n',
  'a'.repeat(255),
  `${'ب'.repeat(250)}.png`,
  `https://a.b/${'c d|'.repeat(60)}`,
]

/** RFC 3986 for an absolute http(s) URL without credentials: what `format: 'uri'` accepts for these values. */
const RFC3986_HTTP_URL =
  /^https?:\/\/[^\s/?#@]+(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*(?:\?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/

/**
 * What is wrong with a media URL a service answered for the stored value (empty when nothing is): it must be `null`
 * or a valid absolute http(s) URL (RFC 3986, accepted by `new URL`), and one composed from a path stays on the
 * content host, under the content URL's path. Only a full or protocol-relative URL may name another host.
 */
export function mediaUrlProblems(url: unknown, stored: string, contentUrl: string): string[] {
  if (url === null) return []
  if (typeof url !== 'string') return ['not a string or null']
  if (!RFC3986_HTTP_URL.test(url)) return [`not an RFC 3986 http(s) URL: ${url.slice(0, 80)}`]
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return ['refused by new URL']
  }
  const problems: string[] = []
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') problems.push(`scheme ${parsed.protocol}`)
  if (!/^\s*(?:https?:)?\/\/[^/]/i.test(stored)) {
    const content = new URL(contentUrl)
    if (parsed.origin !== content.origin) problems.push(`left the content host: ${parsed.origin}`)
    if (!parsed.pathname.startsWith(content.pathname)) problems.push(`left the content path: ${parsed.pathname}`)
  }
  return problems
}
