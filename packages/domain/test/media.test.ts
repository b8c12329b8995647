import t from 'tap'
import { buildMediaUrl } from '../src/media.js'
import { mediaUrlProblems, ODD_MEDIA_VALUES } from '../src/testing/index.js'

const CDN = 'https://cdn.example.com'

t.test('no usable path gives null', async (t) => {
  for (const path of [null, undefined, '', '   ', '\t\n', '/', '///']) {
    t.equal(buildMediaUrl(CDN, path), null, `path ${JSON.stringify(path)}`)
  }
})

t.test('absolute http(s) URLs are kept, in their canonical RFC 3986 form', async (t) => {
  t.equal(buildMediaUrl(CDN, 'http://legacy.example.org/x.jpg'), 'http://legacy.example.org/x.jpg')
  t.equal(buildMediaUrl(CDN, 'https://other.example.org:8443/a/x.jpg?v=2#top'), 'https://other.example.org:8443/a/x.jpg?v=2#top')
  t.equal(buildMediaUrl(CDN, 'HTTPS://Upper.example.org/X.jpg'), 'https://upper.example.org/X.jpg')
  t.equal(buildMediaUrl(CDN, '  https://other.example.org/x.jpg \n'), 'https://other.example.org/x.jpg', 'trimmed')
  t.equal(buildMediaUrl(CDN, 'https://a.b/c d.png'), 'https://a.b/c%20d.png', 'a space is encoded, not a 500')
  t.equal(buildMediaUrl(CDN, 'https://a.b/صورة.png'), 'https://a.b/%D8%B5%D9%88%D8%B1%D8%A9.png')
  t.equal(buildMediaUrl(CDN, 'https://a.b/x|y^z[1]{2}`.png'), 'https://a.b/x%7Cy%5Ez%5B1%5D%7B2%7D%60.png')
  t.equal(buildMediaUrl(CDN, 'https://a.b/100%.png?q=a b|c'), 'https://a.b/100%25.png?q=a%20b%7Cc')
  t.equal(buildMediaUrl(CDN, 'https://a.b/my%20photo.png'), 'https://a.b/my%20photo.png', 'escapes kept')
  t.equal(buildMediaUrl(CDN, 'https://bücher.example/x.png'), 'https://xn--bcher-kva.example/x.png', 'IDN host')
  t.equal(buildMediaUrl(CDN, 'https://a.b/x/../../y.png'), 'https://a.b/y.png', 'dot segments resolved on its own host')
})

t.test('absolute URLs that cannot be made safe are null', async (t) => {
  for (const path of [
    'https://cdn.example.com@evil.example/x.png',
    'https://user:secret@a.b/x.png',
    'https://a{b}.example/x.png',
    'https://a b.example/x.png',
    'https://a.b:99999/x.png',
    'https://',
    'http://[::1',
  ]) {
    t.equal(buildMediaUrl(CDN, path), null, path)
  }
})

t.test('protocol-relative URLs get https', async (t) => {
  t.equal(buildMediaUrl(CDN, '//img.example.org/p/x.jpg'), 'https://img.example.org/p/x.jpg')
  t.equal(buildMediaUrl(CDN, '//img.example.org/p q.jpg'), 'https://img.example.org/p%20q.jpg')
})

t.test('other schemes are never media URLs', async (t) => {
  for (const path of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:image/png;base64,AAAA',
    'ftp://files.example.org/x.png',
    'file:///etc/passwd',
    'mailto:a@b.c',
    'https:\\\\evil.example\\x.png',
    'https:evil.example/x.png',
    'vbscript:msgbox',
  ]) {
    t.equal(buildMediaUrl(CDN, path), null, path)
  }
})

t.test('relative paths join the content URL with exactly one slash', async (t) => {
  const expected = `${CDN}/uploads/a.jpg`
  for (const base of [CDN, `${CDN}/`, `${CDN}//`]) {
    for (const path of ['uploads/a.jpg', '/uploads/a.jpg', '///uploads/a.jpg', 'uploads//a.jpg', 'uploads/a.jpg/']) {
      t.equal(buildMediaUrl(base, path), expected, `${base} + ${path}`)
    }
  }
  t.equal(buildMediaUrl('https://cdn.example.com/media/', '/x.png'), 'https://cdn.example.com/media/x.png', 'base path kept')
})

t.test('unsafe characters are percent-encoded per segment', async (t) => {
  t.equal(buildMediaUrl(CDN, 'uploads/my photo.jpg'), `${CDN}/uploads/my%20photo.jpg`)
  t.equal(buildMediaUrl(CDN, 'صور/مستشار.png'), `${CDN}/%D8%B5%D9%88%D8%B1/%D9%85%D8%B3%D8%AA%D8%B4%D8%A7%D8%B1.png`)
  t.equal(buildMediaUrl(CDN, 'a/100%.png'), `${CDN}/a/100%25.png`, 'a bare percent sign is encoded')
  t.equal(buildMediaUrl(CDN, 'a/x?v=2#top.png'), `${CDN}/a/x%3Fv=2%23top.png`, '? and # belong to the file name')
  t.equal(buildMediaUrl(CDN, 'a/x"<>.png'), `${CDN}/a/x%22%3C%3E.png`)
  t.equal(buildMediaUrl(CDN, 'a/😀.png'), `${CDN}/a/%F0%9F%98%80.png`, 'astral characters are encoded whole')
  t.equal(buildMediaUrl(CDN, 'a/\uD800.png'), `${CDN}/a/%EF%BF%BD.png`, 'a lone surrogate becomes U+FFFD')
})

t.test('characters a path segment may hold are kept', async (t) => {
  t.equal(buildMediaUrl(CDN, "a/x-y_z.~!$&'()*+,;=:@.png"), `${CDN}/a/x-y_z.~!$&'()*+,;=:@.png`)
})

t.test('existing escapes are not encoded twice', async (t) => {
  t.equal(buildMediaUrl(CDN, 'uploads/my%20photo.jpg'), `${CDN}/uploads/my%20photo.jpg`)
  t.equal(buildMediaUrl(CDN, 'uploads/%D8%B5 x.jpg'), `${CDN}/uploads/%D8%B5%20x.jpg`, 'mixed encoded and raw')
  t.equal(buildMediaUrl(CDN, 'uploads/%zz.jpg'), `${CDN}/uploads/%25zz.jpg`, 'an invalid escape is encoded')
})

t.test('traversal segments reject the whole path', async (t) => {
  for (const path of [
    '../etc/passwd',
    'uploads/../../secret',
    'uploads/..',
    './a.png',
    'a/%2e%2e/b',
    'a/%2E./b',
    'a/..%2fb',
    'a/..%5Cb',
    'a\\..\\b',
  ]) {
    t.equal(buildMediaUrl(CDN, path), null, path)
  }
  t.equal(buildMediaUrl(CDN, 'a/..b/c...png'), `${CDN}/a/..b/c...png`, 'dots inside a name are not traversal')
})

/** Longer than any legacy column holds, for the mapper alone. */
const LONG_VALUES = [
  'a'.repeat(2048),
  `uploads/${'ب'.repeat(2048)}.png`,
  `https://a.b/${'c d'.repeat(700)}`,
  `https://${'a'.repeat(2048)}.example/x.png`,
  'uploads/😀\uD800.png',
]

t.test('every odd legacy value gives null or a valid, safe http(s) URL', async (t) => {
  for (const base of [CDN, `${CDN}/media/`]) {
    for (const value of [...ODD_MEDIA_VALUES, ...LONG_VALUES]) {
      const label = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
      t.same(mediaUrlProblems(buildMediaUrl(base, value), value, base), [], `${label} on ${base}`)
    }
  }
  t.equal(buildMediaUrl(CDN, '//evil.example/x.png'), 'https://evil.example/x.png')
  t.equal(buildMediaUrl(CDN, '/\\evil.example/x.png'), `${CDN}/%5Cevil.example/x.png`, 'a backslash is no host switch')
  t.equal(buildMediaUrl(CDN, 'uploads/a\r\nSet-Cookie: x=y.png'), `${CDN}/uploads/a%0D%0ASet-Cookie:%20x=y.png`)
})

t.test('the corpus check itself refuses what it must', async (t) => {
  t.same(mediaUrlProblems(null, 'x', CDN), [])
  t.not(mediaUrlProblems('https://a.b/c d.png', 'x', CDN).length, 0, 'a space')
  t.not(mediaUrlProblems('javascript:alert(1)', 'x', CDN).length, 0, 'another scheme')
  t.not(mediaUrlProblems('https://cdn@evil.example/x', 'x', CDN).length, 0, 'credentials')
  t.not(mediaUrlProblems('https://evil.example/x.png', 'x.png', CDN).length, 0, 'a path that left the content host')
  t.same(mediaUrlProblems('https://evil.example/x.png', '//evil.example/x.png', CDN), [], 'a stored URL may name its host')
})
