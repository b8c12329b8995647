import t from 'tap'
import { buildTestAuth } from '../helpers/app.js'
import { freshIp, requestCode, verifyCode } from '../helpers/otp.js'

const { app, prisma, sender, clock } = await buildTestAuth(t)
const MINUTE = 60_000
const HOUR = 60 * MINUTE

t.test('known and unknown destinations get the same 202', async (t) => {
  const ip = freshIp()
  const known = await requestCode(app, '+966500000001', { ip })
  const unknown = await requestCode(app, '+966500009999', { ip })
  t.equal(known.statusCode, 202)
  t.equal(unknown.statusCode, 202)
  t.same(known.json(), { expiresIn: 300, resendAfter: 60 })
  t.same(unknown.json(), known.json())
  const headerNames = (res: typeof known) => Object.keys(res.headers).filter((name) => name !== 'x-request-id').sort()
  t.same(headerNames(unknown), headerNames(known))
  t.match(sender.lastCodeFor('+966500000001'), /^[0-9]{6}$/, 'a customer code goes out')
  t.match(sender.lastCodeFor('+966500009999'), /^[0-9]{6}$/, 'so does one for a new customer')
  const row = await prisma.authOtpCode.findUniqueOrThrow({
    where: { destination_purpose: { destination: '+966500000001', purpose: 'sign-in:customer' } },
  })
  t.not(row.codeHash, sender.lastCodeFor('+966500000001'), 'only a hash is stored')
  t.match(row.codeHash, /^[0-9a-f]{64}$/)
})

t.test('a consultant code goes out only to an existing consultant, with the same answer either way', async (t) => {
  const ip = freshIp()
  const consultant = await requestCode(app, '+966500000101', { ip, role: 'consultant' })
  const customerOnly = await requestCode(app, '+966500000004', { ip, role: 'consultant' })
  const nobody = await requestCode(app, 'nobody@example.com', { ip, role: 'consultant' })
  for (const res of [consultant, customerOnly, nobody]) {
    t.equal(res.statusCode, 202)
    t.same(res.json(), { expiresIn: 300, resendAfter: 60 })
  }
  t.ok(sender.lastCodeFor('+966500000101'))
  t.equal(sender.lastCodeFor('+966500000004'), undefined, 'no SMS for an account that is not a consultant')
  t.equal(sender.lastCodeFor('nobody@example.com'), undefined)
  t.equal(sender.sent.find((m) => m.destination === '+966500000101')?.purpose, 'sign-in:consultant')
})

t.test('phone variants and e-mail case variants are one destination and one bucket', async (t) => {
  const ip = freshIp()
  const first = await requestCode(app, '0501112222', { ip })
  t.equal(first.statusCode, 202)
  for (const variant of ['+966 50 111 2222', '00966501112222', '٠٥٠١١١٢٢٢٢', '050-111-2222']) {
    const again = await requestCode(app, variant, { ip })
    t.equal(again.statusCode, 429, variant)
    t.equal(again.json().code, 'AUTH_OTP_RESEND_TOO_SOON')
  }
  t.equal(sender.sent.filter((m) => m.destination === '+966501112222').length, 1)
  t.equal(sender.sent.at(-1)?.channel, 'sms')

  t.equal((await requestCode(app, '  Mixed.Case@Example.COM ', { ip })).statusCode, 202)
  t.equal((await requestCode(app, 'mixed.case@example.com', { ip })).statusCode, 429)
  t.equal(sender.sent.at(-1)?.destination, 'mixed.case@example.com')
  t.equal(sender.sent.at(-1)?.channel, 'email')
})

t.test('a second request within 60 s is 429 with Retry-After; after 60 s a new code replaces the old', async (t) => {
  const ip = freshIp()
  const destination = '+966501113333'
  t.equal((await requestCode(app, destination, { ip })).statusCode, 202)
  clock.advance(20_000)
  const early = await requestCode(app, destination, { ip })
  t.equal(early.statusCode, 429)
  t.equal(early.headers['retry-after'], '40')
  t.match(early.headers['content-type'], /^application\/problem\+json/)
  clock.advance(40_000)
  t.equal((await requestCode(app, destination, { ip })).statusCode, 202)
  t.equal(sender.sent.filter((m) => m.destination === destination).length, 2)
  const challenges = await prisma.authOtpCode.findMany({ where: { destination } })
  t.equal(challenges.length, 1, 'the new code replaced the old one')
  t.equal(challenges[0]?.issuedAt.getTime(), clock.now().getTime())
})

t.test('at most 5 codes per destination per hour and 10 per day', async (t) => {
  const ip = freshIp()
  const destination = 'hourly@example.com'
  const start = clock.now().getTime()
  for (let i = 0; i < 5; i++) {
    t.equal((await requestCode(app, destination, { ip })).statusCode, 202, `code ${i + 1}`)
    clock.advance(MINUTE)
  }
  const sixth = await requestCode(app, destination, { ip })
  t.equal(sixth.statusCode, 429)
  t.equal(sixth.json().code, 'AUTH_OTP_DESTINATION_LIMITED')
  t.equal(Number(sixth.headers['retry-after']), (start + HOUR - clock.now().getTime()) / 1000, 'until the oldest leaves the hour')

  clock.set(new Date(start + HOUR + 1000))
  for (let i = 0; i < 5; i++) {
    t.equal((await requestCode(app, destination, { ip: freshIp() })).statusCode, 202, `code ${i + 6}`)
    clock.advance(MINUTE)
  }
  clock.set(new Date(start + 2 * HOUR + 2000))
  const eleventh = await requestCode(app, destination, { ip: freshIp() })
  t.equal(eleventh.statusCode, 429, 'the 11th code of the day')
  t.equal(eleventh.json().code, 'AUTH_OTP_DESTINATION_LIMITED')
  t.ok(Number(eleventh.headers['retry-after']) > 20 * 3600, 'until the oldest leaves the day')
  t.equal(sender.sent.filter((m) => m.destination === destination).length, 10)
})

t.test('at most 20 requests per client IP per hour; X-Forwarded-For from a client does not change that', async (t) => {
  const ip = freshIp()
  for (let i = 0; i < 20; i++) {
    const res = await requestCode(app, `ip-limit-${i}@example.com`, { ip, headers: { 'x-forwarded-for': `203.0.113.${i}` } })
    t.equal(res.statusCode, 202)
  }
  const over = await requestCode(app, 'ip-limit-x@example.com', { ip, headers: { 'x-forwarded-for': '198.51.100.7' } })
  t.equal(over.statusCode, 429)
  t.equal(over.json().code, 'AUTH_OTP_IP_LIMITED')
  t.ok(Number(over.headers['retry-after']) > 0)
  t.equal(sender.lastCodeFor('ip-limit-x@example.com'), undefined)

  // Through the trusted proxy (loopback), the forwarded address is the client's, so another client is not limited.
  const viaProxy = await requestCode(app, 'ip-limit-y@example.com', {
    ip: '127.0.0.1',
    headers: { 'x-forwarded-for': '198.51.100.8' },
  })
  t.equal(viaProxy.statusCode, 202)
  t.equal(await prisma.authOtpEvent.count({ where: { ip: '198.51.100.8' } }), 2, 'counted for the forwarded client')
})

t.test('invalid destinations and bodies are 400', async (t) => {
  const ip = freshIp()
  for (const destination of ['not a number', '+966 11 234 5678', 'a@b', '12', 'x'.repeat(321)]) {
    const res = await requestCode(app, destination, { ip })
    t.equal(res.statusCode, 400, destination.slice(0, 20))
  }
  t.equal((await requestCode(app, '+966 11 234 5678', { ip })).json().code, 'AUTH_INVALID_DESTINATION', 'a landline gets no SMS')
  for (const destination of [966501234567, ['+966501234567'], { phone: '+966501234567' }, null]) {
    t.equal((await requestCode(app, destination, { ip })).statusCode, 400, JSON.stringify(destination))
  }
})

t.test('a failing provider does not change the answer', async (t) => {
  sender.failWith(new Error('provider down'))
  t.teardown(() => sender.failWith(undefined))
  const res = await requestCode(app, 'provider-down@example.com', { ip: freshIp() })
  t.equal(res.statusCode, 202)
  t.same(res.json(), { expiresIn: 300, resendAfter: 60 })
})

t.test("a consultant-role request cannot replace a customer's code nor use up the customer's quotas", async (t) => {
  const destination = '+966500000001' // a customer, not a consultant
  const customer = freshIp()
  const attacker = freshIp()
  t.equal((await requestCode(app, destination, { ip: customer })).statusCode, 202)
  const customerCode = sender.lastCodeFor(destination)
  t.ok(customerCode)

  // While the customer's code is valid (5 minutes): consultant-role requests within the resend interval and after it,
  // and failed consultant-role verifications up to their cap.
  const consultantAnswers = []
  for (let i = 0; i < 4; i++) {
    consultantAnswers.push((await requestCode(app, destination, { ip: attacker, role: 'consultant' })).statusCode)
    clock.advance(MINUTE + 1000)
  }
  t.same(consultantAnswers, [202, 202, 202, 202], 'the consultant-role codes have an interval of their own')
  t.equal(sender.lastCodeFor(destination), customerCode, 'no SMS went out for them')
  t.equal(await prisma.authOtpCode.count({ where: { destination } }), 2, 'one code per purpose')
  for (let i = 0; i < 12; i++) await verifyCode(app, destination, '000000', { ip: attacker, role: 'consultant' })
  const verified = await verifyCode(app, destination, customerCode, { ip: customer })
  t.equal(verified.statusCode, 200, "the customer's code still signs in")

  // The consultant-role quota used up (5 an hour): the customer's is intact.
  t.equal((await requestCode(app, destination, { ip: attacker, role: 'consultant' })).statusCode, 202)
  clock.advance(MINUTE + 1000)
  t.equal((await requestCode(app, destination, { ip: attacker, role: 'consultant' })).statusCode, 429)
  t.equal((await requestCode(app, destination, { ip: customer })).statusCode, 202, "the customer's quota is intact")
  t.not(sender.lastCodeFor(destination), customerCode, 'a new code went out')
})

t.test('the per-IP limit counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 address', async (t) => {
  for (let i = 0; i < 20; i++) {
    const res = await requestCode(app, `v6-limit-${i}@example.com`, { ip: `2001:db8:77:1::${(i + 1).toString(16)}` })
    t.equal(res.statusCode, 202)
  }
  const sameSlash64 = await requestCode(app, 'v6-limit-x@example.com', { ip: '2001:db8:77:1:abcd:ef01:2345:6789' })
  t.equal(sameSlash64.statusCode, 429, 'another address of the same /64')
  t.equal(sameSlash64.json().code, 'AUTH_OTP_IP_LIMITED')
  t.equal((await requestCode(app, 'v6-limit-y@example.com', { ip: '2001:db8:77:2::1' })).statusCode, 202, 'another /64')

  const v4 = freshIp()
  for (let i = 0; i < 20; i++) {
    const ip = i % 2 === 0 ? v4 : `::ffff:${v4}`
    t.equal((await requestCode(app, `mapped-limit-${i}@example.com`, { ip })).statusCode, 202)
  }
  const mapped = await requestCode(app, 'mapped-limit-x@example.com', { ip: `::ffff:${v4}` })
  t.equal(mapped.statusCode, 429, 'the IPv4 client, however its address is written')
})
