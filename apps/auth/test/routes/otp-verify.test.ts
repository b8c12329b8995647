import { findScenario } from '@cp/db/seed'
import t from 'tap'
import { bearer, buildTestAuth } from '../helpers/app.js'
import { freshIp, requestCode, verifyCode, wrongCode } from '../helpers/otp.js'

const { app, prisma, sender, clock } = await buildTestAuth(t)
const MINUTE = 60_000

/** Requests a code and returns what the user would have received. */
async function codeFor(destination: string, ip: string, role?: 'customer' | 'consultant') {
  const res = await requestCode(app, destination, { ip, ...(role ? { role } : {}) })
  if (res.statusCode !== 202) throw new Error(`code request failed: ${res.body}`)
  const normalised = sender.sent.at(-1)
  if (!normalised) throw new Error('no code was sent')
  return normalised.code
}

t.test('a known customer signs in with the code; the code works once', async (t) => {
  const ip = freshIp()
  const { customerId } = await findScenario(prisma, 'phoneOnlyCustomer')
  const code = await codeFor('+966500000005', ip)
  const res = await verifyCode(app, '0500000005', code, { ip })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { tokenType: 'Bearer', user: { id: customerId, role: 'customer', consultantId: null } })
  t.equal(res.headers['cache-control'], 'no-store')
  const again = await verifyCode(app, '+966500000005', code, { ip })
  t.equal(again.statusCode, 409, 'single use')
  t.equal(again.json().code, 'AUTH_OTP_ALREADY_USED')
})

t.test('an unknown destination gets a new verified, active customer account', async (t) => {
  const ip = freshIp()
  const code = await codeFor('New.Person@Example.com', ip)
  const res = await verifyCode(app, 'new.person@example.com', code, { ip, headers: { 'accept-language': 'en' } })
  t.equal(res.statusCode, 200)
  const account = await prisma.customer.findUniqueOrThrow({ where: { customerId: res.json().user.id } })
  t.match(account, {
    email: 'new.person@example.com',
    phone: null,
    firstName: '',
    lastName: '',
    verifiedStatus: 'Verified',
    accountStatus: 'Active',
    language: 'en',
    password: null,
  })
  const me = await app.inject({ url: '/v1/auth/me', headers: bearer(res.json().accessToken) })
  t.match(me.json(), { email: 'new.person@example.com', fullName: '', verified: true })

  const phoneCode = await codeFor('+966501114444', ip)
  const byPhone = await verifyCode(app, '+966501114444', phoneCode, { ip })
  t.equal((await prisma.customer.findUniqueOrThrow({ where: { customerId: byPhone.json().user.id } })).phone, '+966501114444')
})

t.test('a legacy row with the number in national form is found, not duplicated', async (t) => {
  const ip = freshIp()
  const legacy = await prisma.customer.create({ data: { firstName: 'Legacy', lastName: 'Row', phone: '0501115555' } })
  const code = await codeFor('+966501115555', ip)
  const res = await verifyCode(app, '+966501115555', code, { ip })
  t.equal(res.json().user.id, legacy.customerId)
  t.equal(await prisma.customer.count({ where: { phone: { in: ['0501115555', '+966501115555'] } } }), 1)
  t.equal((await prisma.customer.findUniqueOrThrow({ where: { customerId: legacy.customerId } })).verifiedStatus, 'Verified')
})

t.test('4 wrong guesses then the right code signs in; 5 wrong guesses burn the code', async (t) => {
  const ip = freshIp()
  const fine = await codeFor('guess-four@example.com', ip)
  for (let i = 1; i <= 4; i++) t.equal((await verifyCode(app, 'guess-four@example.com', wrongCode(fine, i), { ip })).statusCode, 401)
  t.equal((await verifyCode(app, 'guess-four@example.com', fine, { ip })).statusCode, 200)

  const burned = await codeFor('guess-five@example.com', ip)
  for (let i = 1; i <= 5; i++) {
    const res = await verifyCode(app, 'guess-five@example.com', wrongCode(burned, i), { ip })
    t.equal(res.json().code, 'AUTH_OTP_INVALID')
  }
  const right = await verifyCode(app, 'guess-five@example.com', burned, { ip })
  t.equal(right.statusCode, 401, 'the right code after the cap')
  t.equal(right.json().code, 'AUTH_OTP_INVALID')
})

t.test('a new code after the cap, with guessing continued: 10 failures per destination per hour', async (t) => {
  const ip = freshIp()
  const destination = 'guess-on@example.com'
  const first = await codeFor(destination, ip)
  for (let i = 1; i <= 5; i++) await verifyCode(app, destination, wrongCode(first, i), { ip })
  clock.advance(MINUTE)
  const second = await codeFor(destination, ip)
  for (let i = 1; i <= 5; i++) {
    const res = await verifyCode(app, destination, wrongCode(second, i), { ip: freshIp() })
    t.equal(res.statusCode, 401, `failure ${5 + i}`)
  }
  const right = await verifyCode(app, destination, second, { ip })
  t.equal(right.statusCode, 429, 'even the right code once the destination has 10 failures this hour')
  t.equal(right.json().code, 'AUTH_OTP_VERIFY_LIMITED')
  t.ok(Number(right.headers['retry-after']) > 0)

  clock.advance(60 * MINUTE)
  const third = await codeFor(destination, ip)
  t.equal((await verifyCode(app, destination, third, { ip })).statusCode, 200, 'an hour later it works again')
})

t.test('a code is valid until one second before its expiry, not one second after', async (t) => {
  const ip = freshIp()
  const early = await codeFor('expiry-a@example.com', ip)
  const late = await codeFor('expiry-b@example.com', ip)
  clock.advance(5 * MINUTE - 1000)
  t.equal((await verifyCode(app, 'expiry-a@example.com', early, { ip })).statusCode, 200, 'expiry minus one second')
  clock.advance(2000)
  const res = await verifyCode(app, 'expiry-b@example.com', late, { ip })
  t.equal(res.statusCode, 401, 'expiry plus one second')
  t.equal(res.json().code, 'AUTH_OTP_INVALID')
})

t.test('two parallel verifications of one code: exactly one success', async (t) => {
  const ip = freshIp()
  const code = await codeFor('parallel@example.com', ip)
  const results = await Promise.all(
    Array.from({ length: 4 }, () => verifyCode(app, 'parallel@example.com', code, { ip })),
  )
  const statuses = results.map((res) => res.statusCode).sort()
  t.same(statuses, [200, 409, 409, 409], 'the others are told the code was used')
  t.equal(await prisma.customer.count({ where: { email: 'parallel@example.com' } }), 1, 'one account')
  t.equal(await prisma.authSession.count({ where: { customerId: results.find((r) => r.statusCode === 200)!.json().user.id } }), 1)
})

t.test('a code for destination A does not work for B, nor for another role', async (t) => {
  const ip = freshIp()
  const code = await codeFor('dest-a@example.com', ip)
  await codeFor('dest-b@example.com', ip)
  t.equal((await verifyCode(app, 'dest-b@example.com', code, { ip })).statusCode, 401, 'A code used for B')
  const consultantCode = await codeFor('+966500000201', ip, 'consultant')
  t.equal((await verifyCode(app, '+966500000201', consultantCode, { ip })).statusCode, 401, 'consultant code used as customer')
  t.equal((await verifyCode(app, 'dest-a@example.com', code, { ip })).statusCode, 200, 'A still works for A')
})

t.test('code as a number, with spaces, 7 digits, an array or an object is 400', async (t) => {
  const ip = freshIp()
  const code = await codeFor('shapes@example.com', ip)
  for (const bad of [Number(code) || 123456, ` ${code}`, `${code.slice(0, 3)} ${code.slice(3)}`, `${code}0`, '12345', [code], { code }, null, '١٢٣٤٥٦']) {
    const res = await verifyCode(app, 'shapes@example.com', bad, { ip })
    t.equal(res.statusCode, 400, JSON.stringify(bad))
    t.equal(res.json().code, 'COMMON_VALIDATION')
  }
  t.equal((await verifyCode(app, 'shapes@example.com', code, { ip })).statusCode, 200, 'bad shapes cost no guesses')
})

t.test('consultants: the eligible one signs in, an ineligible one learns why after the code', async (t) => {
  const ip = freshIp()
  const { consultantId } = await findScenario(prisma, 'eligible')
  const code = await codeFor('+966500000101', ip, 'consultant')
  const res = await verifyCode(app, '+966500000101', code, { ip, role: 'consultant' })
  t.equal(res.statusCode, 200)
  t.same(res.json().user.consultantId, consultantId)

  const expired = await codeFor('expired-license.consultant@seed.test', ip, 'consultant')
  const wrong = await verifyCode(app, 'expired-license.consultant@seed.test', wrongCode(expired), { ip, role: 'consultant' })
  t.equal(wrong.json().code, 'AUTH_OTP_INVALID', 'nothing told before the code is right')
  const refused = await verifyCode(app, 'expired-license.consultant@seed.test', expired, { ip, role: 'consultant' })
  t.equal(refused.statusCode, 403)
  t.equal(refused.json().code, 'AUTH_CONSULTANT_LICENSE_EXPIRED')
})

t.test('a disabled customer proves the code and is then told the account is disabled', async (t) => {
  const ip = freshIp()
  const code = await codeFor('disabled.customer@seed.test', ip)
  const res = await verifyCode(app, 'disabled.customer@seed.test', code, { ip })
  t.equal(res.statusCode, 403)
  t.equal(res.json().code, 'AUTH_ACCOUNT_DISABLED')
})

t.test('a destination without any code: the same 401, counted as a failure', async (t) => {
  const ip = freshIp()
  const res = await verifyCode(app, 'never-requested@example.com', '123456', { ip })
  t.equal(res.statusCode, 401)
  t.equal(res.json().code, 'AUTH_OTP_INVALID')
  t.equal(await prisma.authOtpEvent.count({ where: { destination: 'never-requested@example.com', kind: 'verify_failed' } }), 1)
})
