import { createHash } from 'node:crypto'
import { findScenario, SEED_PASSWORD, SEED_PASSWORD_BCRYPT_2Y, SEED_PASSWORD_MD5 } from '@cp/db/seed'
import t from 'tap'
import { hashPassword } from '../../src/lib/passwords.js'
import { buildTestAuth, ISSUER, passwordSignIn } from '../helpers/app.js'
import { decodeJwt, verifyWithJwks } from '../helpers/jwt.js'

const { app, prisma, clock } = await buildTestAuth(t)
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')
const columns = (customerId: number) =>
  prisma.customer.findUniqueOrThrow({
    where: { customerId },
    select: { password: true, passwordArgon2: true, passwordArgon2Source: true },
  })

t.test('a legacy $2y$ account signs in; the hash is upgraded beside the untouched legacy column', async (t) => {
  const { customerId } = await findScenario(prisma, 'activeCustomer')
  t.same(await columns(customerId), { password: SEED_PASSWORD_BCRYPT_2Y, passwordArgon2: null, passwordArgon2Source: null })

  const res = await passwordSignIn(app, { login: 'active.customer@seed.test', password: SEED_PASSWORD })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'no-store')
  const body = res.json()
  t.match(body, { tokenType: 'Bearer', expiresIn: 900, user: { id: customerId, role: 'customer', consultantId: null } })
  t.match(body.refreshToken, /^[A-Za-z0-9_-]{43}$/)

  const { header, payload } = decodeJwt(body.accessToken)
  t.same(header.typ, 'at+jwt')
  t.equal(header.alg, 'ES256')
  const claims = await verifyWithJwks(app, body.accessToken, 'consultants', ISSUER)
  t.match(claims, { iss: ISSUER, sub: String(customerId), role: 'customer', sid: body.sessionId })
  t.same(claims.aud, ['auth', 'consultants', 'catalog'])
  t.equal(payload.exp, (payload.iat as number) + 900)
  t.notOk('consultant_id' in payload)

  const after = await columns(customerId)
  t.equal(after.password, SEED_PASSWORD_BCRYPT_2Y, 'the legacy column keeps its bcrypt hash for the legacy application')
  t.match(after.passwordArgon2, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  t.equal(after.passwordArgon2Source, sha256(SEED_PASSWORD_BCRYPT_2Y))
})

t.test('after the upgrade, sign-in checks the argon2id hash, until the legacy application changes the password', async (t) => {
  const { customerId } = await findScenario(prisma, 'activeCustomer')
  // Put a hash of another password in the new column: only the argon2id column can make it work.
  await prisma.customer.update({ where: { customerId }, data: { passwordArgon2: await hashPassword('argon2 only') } })
  t.equal((await passwordSignIn(app, { login: 'active.customer@seed.test', password: 'argon2 only' })).statusCode, 200)
  t.equal((await passwordSignIn(app, { login: 'active.customer@seed.test', password: SEED_PASSWORD })).statusCode, 401)

  // The legacy application sets a new password: the stale argon2id hash no longer counts.
  await prisma.customer.update({ where: { customerId }, data: { password: md5('changed in legacy') } })
  t.equal((await passwordSignIn(app, { login: 'active.customer@seed.test', password: 'argon2 only' })).statusCode, 401)
  t.equal((await passwordSignIn(app, { login: 'active.customer@seed.test', password: 'changed in legacy' })).statusCode, 200)
  const after = await columns(customerId)
  t.equal(after.password, md5('changed in legacy'))
  t.equal(after.passwordArgon2Source, sha256(md5('changed in legacy')), 'upgraded again from the new legacy hash')
})

t.test('a legacy MD5 hash: untouched on failure, upgraded on success', async (t) => {
  const { customerId } = await findScenario(prisma, 'md5Customer')
  const wrong = await passwordSignIn(app, { login: 'md5.customer@seed.test', password: `${SEED_PASSWORD}x` })
  t.equal(wrong.statusCode, 401)
  t.same(await columns(customerId), { password: SEED_PASSWORD_MD5, passwordArgon2: null, passwordArgon2Source: null })
  const right = await passwordSignIn(app, { login: 'md5.customer@seed.test', password: SEED_PASSWORD })
  t.equal(right.statusCode, 200)
  const after = await columns(customerId)
  t.equal(after.password, SEED_PASSWORD_MD5)
  t.match(after.passwordArgon2, /^\$argon2id\$/)
})

t.test('unknown account, account without a password and wrong password get the same answer', async (t) => {
  const answers = await Promise.all([
    passwordSignIn(app, { login: 'nobody@seed.test', password: SEED_PASSWORD }),
    passwordSignIn(app, { login: '+966500000005', password: SEED_PASSWORD }),
    passwordSignIn(app, { login: 'unverified.customer@seed.test', password: 'wrong password' }),
    passwordSignIn(app, { login: 'disabled.customer@seed.test', password: 'wrong password' }),
  ])
  const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined })
  const first = strip(answers[0]!.json())
  t.match(first, { status: 401, code: 'AUTH_INVALID_CREDENTIALS' })
  for (const answer of answers) {
    t.equal(answer.statusCode, 401)
    t.same(strip(answer.json()), first)
    t.same(Object.keys(answer.headers).sort(), Object.keys(answers[0]!.headers).sort(), 'same headers')
  }
})

t.test('the account state is told only once the password is proven', async (t) => {
  const disabled = await passwordSignIn(app, { login: 'disabled.customer@seed.test', password: SEED_PASSWORD })
  t.equal(disabled.statusCode, 403)
  t.equal(disabled.json().code, 'AUTH_ACCOUNT_DISABLED')
  const unverified = await passwordSignIn(app, { login: 'unverified.customer@seed.test', password: SEED_PASSWORD })
  t.equal(unverified.statusCode, 200, 'an unverified e-mail does not block password sign-in')
})

t.test('phone and e-mail variants reach one account and one failure bucket', async (t) => {
  const { customerId } = await findScenario(prisma, 'bookableFamily')
  for (const login of ['+966500000201', '0500000201', '00966 50 000 0201', '٠٥٠٠٠٠٠٢٠١', '050-000-0201']) {
    const res = await passwordSignIn(app, { login, password: SEED_PASSWORD })
    t.equal(res.statusCode, 200, login)
    t.equal(res.json().user.id, customerId)
  }
  for (const login of ['  Family.Consultant@SEED.test ', 'family.consultant@seed.test']) {
    const res = await passwordSignIn(app, { login, password: 'wrong' })
    t.equal(res.statusCode, 401)
  }
  const rows = await prisma.authSignInThrottle.findMany({ where: { identifier: { contains: 'family.consultant' } } })
  t.same(rows.map((row) => [row.identifier, row.failures]), [['family.consultant@seed.test', 2]])
  const ok = await passwordSignIn(app, { login: 'FAMILY.consultant@seed.test', password: SEED_PASSWORD })
  t.equal(ok.statusCode, 200)
  t.equal(await prisma.authSignInThrottle.count({ where: { identifier: 'family.consultant@seed.test' } }), 0, 'success clears')
})

t.test('oversized passwords are refused before any work', async (t) => {
  const huge = await passwordSignIn(app, { login: 'active.customer@seed.test', password: 'x'.repeat(1024 * 1024) })
  t.equal(huge.statusCode, 413)
  t.equal(huge.json().code, 'COMMON_PAYLOAD_TOO_LARGE')
  const long = await passwordSignIn(app, { login: 'active.customer@seed.test', password: 'x'.repeat(1025) })
  t.equal(long.statusCode, 400)
  // 600 Arabic letters: under 1024 characters, but 1200 bytes of UTF-8.
  const wide = await passwordSignIn(app, { login: 'active.customer@seed.test', password: 'ك'.repeat(600) })
  t.equal(wide.statusCode, 400)
  t.equal(wide.json().code, 'AUTH_PASSWORD_TOO_LONG')
  t.equal(await prisma.authSignInThrottle.count({ where: { identifier: 'active.customer@seed.test' } }), 0, 'not even counted')
})

t.test('malformed bodies are 400 problems', async (t) => {
  for (const payload of [
    { login: 'a@b.test' },
    { login: 'a@b.test', password: 12345678 },
    { login: ['a@b.test'], password: 'x' },
    { login: 'a@b.test', password: 'x', role: 'admin' },
    { login: 'a@b.test', password: 'x', extra: true },
  ]) {
    const res = await app.inject({ method: 'POST', url: '/v1/auth/password/sign-in', payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.match(res.headers['content-type'], /^application\/problem\+json/)
  }
  const notLogin = await passwordSignIn(app, { login: 'not a login', password: 'x' })
  t.equal(notLogin.statusCode, 400)
  t.equal(notLogin.json().code, 'AUTH_INVALID_DESTINATION')
})

t.test('parallel wrong attempts cannot slip past the limit', async (t) => {
  const login = 'unverified.customer@seed.test'
  const results = await Promise.all(Array.from({ length: 12 }, () => passwordSignIn(app, { login, password: 'wrong' })))
  const statuses = results.map((res) => res.statusCode).sort()
  // The clock does not move: after the 5th counted failure every further attempt must wait.
  t.same(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429])
  const row = await prisma.authSignInThrottle.findUniqueOrThrow({ where: { identifier: login } })
  t.equal(row.failures, 5)
})

// Last: it moves the clock forward.
t.test('progressive delay after 5 failures, a 15-minute lock after 10 that expires by itself', async (t) => {
  const login = 'md5.customer@seed.test'
  const attempt = (password = 'wrong') => passwordSignIn(app, { login, password })
  for (let i = 1; i <= 5; i++) t.equal((await attempt()).statusCode, 401, `failure ${i}`)

  const delays = [1, 2, 4, 8, 16]
  for (const [index, seconds] of delays.entries()) {
    const early = await attempt(SEED_PASSWORD)
    t.equal(early.statusCode, 429, `attempt ${index + 6} comes too early`)
    t.equal(early.json().code, 'AUTH_SIGN_IN_DELAYED')
    t.equal(early.headers['retry-after'], String(seconds), `waits ${seconds} s`)
    clock.advance(seconds * 1000)
    t.equal((await attempt()).statusCode, 401, `failure ${index + 6} after waiting`)
  }

  const locked = await attempt(SEED_PASSWORD)
  t.equal(locked.statusCode, 429, 'even the right password is refused while locked')
  t.equal(locked.json().code, 'AUTH_SIGN_IN_LOCKED')
  t.equal(locked.headers['retry-after'], String(15 * 60))
  t.equal((await passwordSignIn(app, { login: 'MD5.customer@seed.test', password: SEED_PASSWORD })).statusCode, 429)

  clock.advance(15 * 60 * 1000 - 1000)
  t.equal((await attempt(SEED_PASSWORD)).statusCode, 429, 'still locked a second before the end')
  clock.advance(1000)
  t.equal((await attempt(SEED_PASSWORD)).statusCode, 200, 'the lock ended by itself')
})
