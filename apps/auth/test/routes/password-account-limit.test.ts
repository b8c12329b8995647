import { SEED_PASSWORD } from '@cp/db/seed'
import t from 'tap'
import { buildTestAuth, passwordSignIn } from '../helpers/app.js'
import { freshIp } from '../helpers/otp.js'

// Password failures count per login identifier AND per account, with the same windows: an account's e-mail and phone
// share one budget (delay after 5 failures, lock after 10 in 15 minutes), and an identifier without an account
// answers exactly like an account's only identifier.
const { app, prisma, clock } = await buildTestAuth(t)
const SECOND = 1000
const MINUTE = 60 * SECOND

const { password: seededHash } = await prisma.customer.findFirstOrThrow({
  where: { email: 'active.customer@seed.test' },
  select: { password: true },
})

function attempt(login: string, password = 'wrong password') {
  // A new client address each time, so the per-client limit (50 per 15 minutes) never answers instead.
  return passwordSignIn(app, { login, password }, { 'x-forwarded-for': freshIp() })
}

const answer = (res: Awaited<ReturnType<typeof attempt>>) => ({
  status: res.statusCode,
  code: res.statusCode === 200 ? null : (res.json() as { code: string }).code,
  retryAfter: res.headers['retry-after'] ?? null,
})

t.test("an account's e-mail and phone share one failure budget", async (t) => {
  const email = 'one.budget@example.com'
  const phone = '+966500008900'
  const account = await prisma.customer.create({ data: { firstName: 'One', lastName: 'Budget', email, phone, password: seededHash } })

  for (let i = 1; i <= 5; i++) t.equal((await attempt(email)).statusCode, 401, `e-mail failure ${i}`)
  const delayed = await attempt(phone)
  t.equal(delayed.statusCode, 429, 'the phone inherits the delay of the account')
  t.equal(delayed.json().code, 'AUTH_SIGN_IN_DELAYED')
  t.equal(delayed.headers['retry-after'], '1')
  t.equal(
    (await prisma.authSignInThrottle.findUnique({ where: { identifier: phone } }))?.failures ?? 0,
    0,
    'an attempt the account limit refused is not counted for the phone either',
  )

  // Failures 6 to 10, alternating, each after the delay the one before it set (1, 2, 4, 8, 16 s).
  for (let i = 6; i <= 10; i++) {
    clock.advance(2 ** (i - 6) * SECOND)
    const login = i % 2 === 0 ? phone : email
    t.equal((await attempt(login)).statusCode, 401, `failure ${i} by ${login}`)
  }
  for (const login of [email, phone, '0500008900']) {
    const locked = await attempt(login, SEED_PASSWORD)
    t.equal(locked.statusCode, 429, `${login}: locked, even with the right password`)
    t.equal(locked.json().code, 'AUTH_SIGN_IN_LOCKED')
    t.equal(locked.headers['retry-after'], String(15 * 60))
  }

  clock.advance(15 * MINUTE)
  const res = await attempt(phone, SEED_PASSWORD)
  t.equal(res.statusCode, 200, 'the lock expires by itself')
  t.equal(res.json().user.id, account.customerId)
  t.equal(await prisma.authSignInThrottle.count({ where: { identifier: { in: [phone, `account:${account.customerId}`] } } }), 0, 'a success clears the account and the identifier')
})

t.test('an unknown identifier answers exactly like the only identifier of an account', async (t) => {
  const known = 'known.alone@example.com'
  const unknown = 'nobody.here@example.com'
  await prisma.customer.create({ data: { firstName: 'Known', lastName: 'Alone', email: known, password: seededHash } })
  // Attempts at the same instants for both: right away, then at steps that cross the delays and the lock.
  const steps = [0, 0, 0, 0, 0, 0, 500, 600, 2000, 0, 4000, 8000, 16_000, 0, 15 * MINUTE]
  const seen = new Set<string | null>()
  for (const [i, step] of steps.entries()) {
    clock.advance(step)
    const [forKnown, forUnknown] = [answer(await attempt(known)), answer(await attempt(unknown))]
    t.same(forKnown, forUnknown, `attempt ${i + 1}: ${JSON.stringify(forKnown)}`)
    seen.add(forKnown.code)
  }
  t.same([...seen].sort(), ['AUTH_INVALID_CREDENTIALS', 'AUTH_SIGN_IN_DELAYED', 'AUTH_SIGN_IN_LOCKED'], 'every kind of answer compared')
})
