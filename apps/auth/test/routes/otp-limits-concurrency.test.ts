import t from 'tap'
import { buildTestAuth } from '../helpers/app.js'
import { freshIp, requestCode, verifyCode, wrongCode } from '../helpers/otp.js'

// The hard limits must hold when requests arrive at the same instant (here: many in flight on one app and one
// connection pool, as they would be across instances sharing the database).
const { app, prisma, sender, clock } = await buildTestAuth(t, { seed: false })
const MINUTE = 60_000

const countBy = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {})

t.test('30 parallel code requests from one client IP: exactly 20 go through', async (t) => {
  const ip = freshIp()
  const destinations = Array.from({ length: 30 }, (_, i) => `parallel-ip-${i}@example.com`)
  const results = await Promise.all(destinations.map((destination) => requestCode(app, destination, { ip })))
  t.same(countBy(results.map((res) => res.statusCode)), { 202: 20, 429: 10 })
  for (const res of results.filter((res) => res.statusCode === 429)) t.equal(res.json().code, 'AUTH_OTP_IP_LIMITED')
  t.equal(sender.sent.filter((message) => destinations.includes(message.destination)).length, 20, 'codes sent')
  t.equal(await prisma.authOtpEvent.count({ where: { ip, kind: 'requested' } }), 20, 'requests counted')
  t.equal(await prisma.authOtpEvent.count({ where: { ip, kind: 'issued' } }), 20, 'codes issued')
  t.equal(await prisma.authOtpCode.count({ where: { destination: { in: destinations } } }), 20, 'challenges stored')

  const later = await requestCode(app, 'parallel-ip-late@example.com', { ip })
  t.equal(later.statusCode, 429, 'and the 31st, alone, is refused too')
})

t.test('15 parallel wrong verifications of a destination: 10 counted, the rest refused', async (t) => {
  const destination = 'parallel-guess@example.com'
  const results = await Promise.all(
    Array.from({ length: 15 }, (_, i) => verifyCode(app, destination, String(100000 + i), { ip: freshIp() })),
  )
  t.same(countBy(results.map((res) => res.statusCode)), { 401: 10, 429: 5 })
  for (const res of results.filter((res) => res.statusCode === 429)) t.equal(res.json().code, 'AUTH_OTP_VERIFY_LIMITED')
  t.equal(await prisma.authOtpEvent.count({ where: { destination, kind: 'verify_failed' } }), 10)
})

t.test('failures across fresh codes: parallel guesses on a new code stop at 10 for the destination', async (t) => {
  const ip = freshIp()
  const destination = 'parallel-fresh@example.com'
  const codeFor = async () => {
    t.equal((await requestCode(app, destination, { ip })).statusCode, 202)
    return sender.lastCodeFor(destination)!
  }
  const first = await codeFor()
  for (let i = 1; i <= 5; i++) t.equal((await verifyCode(app, destination, wrongCode(first, i), { ip })).statusCode, 401)
  clock.advance(MINUTE)
  const second = await codeFor()
  for (let i = 1; i <= 3; i++) t.equal((await verifyCode(app, destination, wrongCode(second, i), { ip })).statusCode, 401)
  clock.advance(MINUTE)

  // 8 failures so far; a fresh code has 5 guesses, but only 2 failures are left for the destination this hour.
  const third = await codeFor()
  const results = await Promise.all(
    Array.from({ length: 15 }, (_, i) => verifyCode(app, destination, wrongCode(third, i + 1), { ip: freshIp() })),
  )
  t.same(countBy(results.map((res) => res.statusCode)), { 401: 2, 429: 13 })
  t.equal(await prisma.authOtpEvent.count({ where: { destination, kind: 'verify_failed' } }), 10)
  const right = await verifyCode(app, destination, third, { ip })
  t.equal(right.statusCode, 429, 'the right code is refused once the destination has 10 failures')
  t.equal(right.json().code, 'AUTH_OTP_VERIFY_LIMITED')
})

t.test('a right code in parallel with wrong ones signs in and is not counted as a failure', async (t) => {
  const ip = freshIp()
  const destination = 'parallel-mixed@example.com'
  t.equal((await requestCode(app, destination, { ip })).statusCode, 202)
  const code = sender.lastCodeFor(destination)!
  const results = await Promise.all([
    verifyCode(app, destination, code, { ip }),
    ...Array.from({ length: 4 }, (_, i) => verifyCode(app, destination, wrongCode(code, i + 1), { ip })),
  ])
  t.same(results.map((res) => res.statusCode), [200, 401, 401, 401, 401])
  t.equal(await prisma.authOtpEvent.count({ where: { destination, kind: 'verify_failed' } }), 4, 'only the wrong guesses')
})

t.test('with 9 failures the right code still signs in, and leaves the count at 9', async (t) => {
  const ip = freshIp()
  const destination = 'nine-failures@example.com'
  for (let i = 0; i < 9; i++) t.equal((await verifyCode(app, destination, '000000', { ip })).statusCode, 401)
  t.equal((await requestCode(app, destination, { ip })).statusCode, 202)
  const code = sender.lastCodeFor(destination)!
  t.equal((await verifyCode(app, destination, code, { ip })).statusCode, 200)
  t.equal(await prisma.authOtpEvent.count({ where: { destination, kind: 'verify_failed' } }), 9)
  const again = await verifyCode(app, destination, code, { ip })
  t.equal(again.statusCode, 409, 'the used code again is no wrong guess')
  t.equal(again.json().code, 'AUTH_OTP_ALREADY_USED')
  t.equal(await prisma.authOtpEvent.count({ where: { destination, kind: 'verify_failed' } }), 9, 'and is not counted')
  t.equal((await verifyCode(app, destination, wrongCode(code), { ip })).statusCode, 401, 'a wrong code: the 10th failure')
  t.equal((await verifyCode(app, destination, code, { ip })).statusCode, 429, 'then the limit, for every submission')
})

t.test('20 parallel submissions of the right code: one sign-in, 19 told it was used, no failure counted', async (t) => {
  const ip = freshIp()
  const destination = 'parallel-right@example.com'
  t.equal((await requestCode(app, destination, { ip })).statusCode, 202)
  const code = sender.lastCodeFor(destination)!
  const results = await Promise.all(Array.from({ length: 20 }, () => verifyCode(app, destination, code, { ip: freshIp() })))
  t.same(countBy(results.map((res) => res.statusCode)), { 200: 1, 409: 19 })
  for (const res of results.filter((res) => res.statusCode === 409)) {
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.equal(res.json().code, 'AUTH_OTP_ALREADY_USED')
  }
  t.equal(await prisma.authOtpEvent.count({ where: { destination, kind: 'verify_failed' } }), 0, 'no failure recorded')
  t.equal(await prisma.customer.count({ where: { email: destination } }), 1, 'one account')

  // Nothing was locked: the next code signs in at once.
  clock.advance(MINUTE)
  t.equal((await requestCode(app, destination, { ip })).statusCode, 202)
  t.equal((await verifyCode(app, destination, sender.lastCodeFor(destination)!, { ip })).statusCode, 200)
})
