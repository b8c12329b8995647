import t from 'tap'
import { MAX_AUTHORIZATION_HEADER_LENGTH, readBearerCredentials } from '../../src/auth/bearer.js'

t.test('Bearer credentials, the scheme in any case', async (t) => {
  t.same(readBearerCredentials('Bearer abc.def.ghi'), { kind: 'bearer', token: 'abc.def.ghi' })
  t.same(readBearerCredentials('bearer abc.def.ghi'), { kind: 'bearer', token: 'abc.def.ghi' })
  t.same(readBearerCredentials('BEARER   abc.def.ghi  '), { kind: 'bearer', token: 'abc.def.ghi' })
  t.same(readBearerCredentials('Bearer a-b_c~d+e/f=='), { kind: 'bearer', token: 'a-b_c~d+e/f==' }, 'the b64token alphabet')
})

t.test('no credentials for us: no header, or another scheme', async (t) => {
  t.same(readBearerCredentials(undefined), { kind: 'missing' })
  t.same(readBearerCredentials(''), { kind: 'missing' })
  t.same(readBearerCredentials('Basic dXNlcjpwYXNz'), { kind: 'missing' })
  t.same(readBearerCredentials('Bearerx abc'), { kind: 'missing' }, 'a scheme that only starts with Bearer')
})

t.test('malformed bearer credentials', async (t) => {
  for (const header of ['Bearer', 'Bearer ', 'Bearer a b', 'Bearer\tabc', 'Bearer a=b', 'Bearer "abc"', 'Bearer abc,def', ' Bearer abc']) {
    t.same(readBearerCredentials(header), { kind: 'invalid', reason: 'malformed' }, JSON.stringify(header))
  }
  t.same(readBearerCredentials(['Bearer a', 'Bearer b']), { kind: 'invalid', reason: 'malformed' }, 'several headers')
})

t.test('a header over 8 KB is refused before it is parsed', async (t) => {
  const atLimit = `Bearer ${'a'.repeat(MAX_AUTHORIZATION_HEADER_LENGTH - 7)}`
  t.equal(atLimit.length, MAX_AUTHORIZATION_HEADER_LENGTH)
  t.equal(readBearerCredentials(atLimit).kind, 'bearer')
  t.same(readBearerCredentials(`${atLimit}a`), { kind: 'invalid', reason: 'too_large' })
  t.same(readBearerCredentials(`Basic ${'a'.repeat(100_000)}`), { kind: 'invalid', reason: 'too_large' }, 'whatever the scheme')
})
