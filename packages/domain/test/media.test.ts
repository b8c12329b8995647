import t from 'tap'
import { buildMediaUrl } from '../src/media.js'

const CDN = 'https://cdn.example.com'

t.test('no usable path gives null', async (t) => {
  for (const path of [null, undefined, '', '   ', '\t\n', '/', '///']) {
    t.equal(buildMediaUrl(CDN, path), null, `path ${JSON.stringify(path)}`)
  }
})

t.test('absolute http(s) URLs are returned as they are', async (t) => {
  t.equal(buildMediaUrl(CDN, 'https://other.example.org/a b.png'), 'https://other.example.org/a b.png')
  t.equal(buildMediaUrl(CDN, 'http://legacy.example.org/x.jpg'), 'http://legacy.example.org/x.jpg')
  t.equal(buildMediaUrl(CDN, 'HTTPS://Upper.example.org/x.jpg'), 'HTTPS://Upper.example.org/x.jpg')
  t.equal(buildMediaUrl(CDN, '  https://other.example.org/x.jpg \n'), 'https://other.example.org/x.jpg', 'trimmed')
})

t.test('protocol-relative URLs get https', async (t) => {
  t.equal(buildMediaUrl(CDN, '//img.example.org/p/x.jpg'), 'https://img.example.org/p/x.jpg')
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
