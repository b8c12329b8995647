import t from 'tap'
import { asConsultantId, asSessionId } from '../../src/ids.js'
import { createTokenPayload, type TokenPayloadInput } from '../../src/mappers/token-payload.js'

const base = {
  user: { customerId: 7 },
  sessionId: asSessionId('3f2504e0-4f89-41d3-9a0c-0305e82c3301'),
  audience: 'cp-api',
  issuer: 'https://auth.example.com',
  now: new Date('2025-06-15T09:00:00.750Z'),
  ttlSeconds: 900,
  jti: 'c0a8f3e2-1111-4222-8333-444455556666',
} satisfies TokenPayloadInput

const IAT = Date.parse('2025-06-15T09:00:00Z') / 1000

t.test('a customer token carries the standard claims and no consultant id', async (t) => {
  const claims = createTokenPayload(base)
  t.same(claims, {
    iss: 'https://auth.example.com',
    sub: '7',
    aud: 'cp-api',
    role: 'customer',
    sid: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    jti: 'c0a8f3e2-1111-4222-8333-444455556666',
    iat: IAT,
    exp: IAT + 900,
  })
  t.notOk('consultant_id' in claims, 'the key is absent, not undefined')
  t.equal(typeof claims.sub, 'string', 'JWT subjects are strings')
})

t.test('iat is whole seconds, rounded down', async (t) => {
  t.equal(createTokenPayload({ ...base, now: new Date('2025-06-15T09:00:00.999Z') }).iat, IAT)
})

t.test('a consultant token carries the role and consultant id', async (t) => {
  const claims = createTokenPayload({ ...base, consultantId: asConsultantId(31) })
  t.equal(claims.role, 'consultant')
  t.equal(claims.consultant_id, 31)
  t.equal(claims.sub, '7', 'the subject stays the customer account')
  t.equal(claims.exp, IAT + 900)
})

t.test('a list of audiences is kept', async (t) => {
  t.same(createTokenPayload({ ...base, audience: ['consultants', 'catalog'] }).aud, ['consultants', 'catalog'])
})

t.test('notAfter caps exp so the token never outlives eligibility', async (t) => {
  const consultant = { ...base, consultantId: asConsultantId(31) }
  const soon = new Date('2025-06-15T09:05:00Z')
  t.equal(createTokenPayload({ ...consultant, notAfter: soon }).exp, IAT + 300, 'capped')
  const later = new Date('2025-06-16T00:00:00Z')
  t.equal(createTokenPayload({ ...consultant, notAfter: later }).exp, IAT + 900, 'the TTL is earlier')
  const exactlyAtTtl = new Date((IAT + 900) * 1000)
  t.equal(createTokenPayload({ ...consultant, notAfter: exactlyAtTtl }).exp, IAT + 900)
  t.equal(
    createTokenPayload({ ...consultant, notAfter: new Date('2025-06-15T09:00:01.500Z') }).exp,
    IAT + 1,
    'a fraction of a second is dropped, never rounded up past eligibility',
  )
})

t.test('refuses to build a token that is born expired', async (t) => {
  const consultant = { ...base, consultantId: asConsultantId(31) }
  t.throws(() => createTokenPayload({ ...consultant, notAfter: new Date('2025-06-15T09:00:00.900Z') }), RangeError)
  t.throws(() => createTokenPayload({ ...consultant, notAfter: new Date('2025-06-14T00:00:00Z') }), RangeError)
  t.throws(() => createTokenPayload({ ...consultant, notAfter: new Date(Number.NaN) }), RangeError)
})

t.test('rejects a TTL that is not a positive whole number of seconds, and an invalid now', async (t) => {
  for (const ttlSeconds of [0, -60, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    t.throws(() => createTokenPayload({ ...base, ttlSeconds }), RangeError, `ttl ${ttlSeconds}`)
  }
  t.throws(() => createTokenPayload({ ...base, now: new Date(Number.NaN) }), RangeError)
})

t.test('notAfter belongs to consultants only', async (t) => {
  // @ts-expect-error a customer token has no eligibility window
  const claims = createTokenPayload({ ...base, notAfter: new Date('2025-06-15T09:05:00Z') })
  t.equal(claims.role, 'customer')
})
