import type { Test } from 'tap'

/**
 * Values legacy media columns (VARCHAR(255)) may hold: the ones the service once answered 500 for, other schemes,
 * host switches, traversal, control characters, unicode and the longest values the column takes.
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

/** RFC 3986 for an absolute http(s) URL: what `format: 'uri'` accepts for these values. */
const RFC3986_HTTP_URL =
  /^https?:\/\/[^\s/?#@]+(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*(?:\?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/

/** Is this value one the column holds as a full or protocol-relative URL (so it may name another host)? */
function namesItsOwnHost(value: string): boolean {
  return /^\s*(?:https?:)?\/\/[^/]/i.test(value)
}

/**
 * A media URL from a response is `null` or a valid absolute http(s) URL; one composed from a path stays under the
 * content URL. (That the response was a 200 at all already says the serializer's `format: 'uri'` accepted it.)
 */
export function assertSafeMediaUrl(t: Test, url: unknown, stored: string, contentUrl: string, label: string): void {
  if (url === null) return
  if (typeof url !== 'string') {
    t.fail(`${label}: not a string or null`)
    return
  }
  t.match(url, RFC3986_HTTP_URL, `${label}: RFC 3986`)
  const parsed = new URL(url)
  t.ok(parsed.protocol === 'https:' || parsed.protocol === 'http:', `${label}: http(s)`)
  t.equal(parsed.username + parsed.password, '', `${label}: no credentials`)
  if (!namesItsOwnHost(stored)) {
    const content = new URL(contentUrl)
    t.equal(parsed.origin, content.origin, `${label}: on the content host`)
    t.ok(parsed.pathname.startsWith(content.pathname), `${label}: under the content path`)
  }
}
