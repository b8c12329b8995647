import { SEED_PASSWORD } from '@cp/db/seed'
import t from 'tap'
import { buildTestAuth } from '../helpers/app.js'

const { app, prisma, clock } = await buildTestAuth(t)
const MINUTE = 60_000

const signIn = (login: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/v1/auth/password/sign-in', payload: { login, password }, remoteAddress })

t.test('50 failed sign-ins per 15 minutes from one client, whatever the accounts (password spraying)', async (t) => {
  const ip = '192.0.2.10'
  const start = clock.now().getTime()
  for (let i = 0; i < 49; i++) {
    t.equal((await signIn(`spray-${i}@example.com`, 'Summer2026!', ip)).statusCode, 401, `failure ${i + 1}`)
  }
  t.equal((await signIn('active.customer@seed.test', SEED_PASSWORD, ip)).statusCode, 200, 'a success does not count')
  clock.advance(MINUTE)
  t.equal((await signIn('spray-49@example.com', 'Summer2026!', ip)).statusCode, 401, 'failure 50')
  const over = await signIn('spray-50@example.com', 'Summer2026!', ip)
  t.equal(over.statusCode, 429)
  t.equal(over.json().code, 'AUTH_SIGN_IN_IP_LIMITED')
  t.equal(Number(over.headers['retry-after']), (start + 15 * MINUTE - clock.now().getTime()) / 1000, 'until the oldest leaves')
  const right = await signIn('active.customer@seed.test', SEED_PASSWORD, ip)
  t.equal(right.statusCode, 429, 'the right password too: nothing is checked')
  t.equal(await prisma.authSignInThrottle.count({ where: { identifier: 'spray-50@example.com' } }), 0, 'the account is not charged')

  t.equal((await signIn('spray-50@example.com', 'Summer2026!', '192.0.2.11')).statusCode, 401, 'another client is not limited')
  clock.set(new Date(start + 15 * MINUTE + 1000))
  t.equal((await signIn('active.customer@seed.test', SEED_PASSWORD, ip)).statusCode, 200, 'the window moves on')
})

t.test('an IPv6 client counts by its /64; the limit is exact under concurrency', async (t) => {
  const attempts = Array.from({ length: 60 }, (_, i) =>
    signIn(`spray6-${i}@example.com`, 'Winter2026!', `2001:db8:5:6::${(i + 1).toString(16)}`),
  )
  const codes = (await Promise.all(attempts)).map((res) => res.statusCode)
  t.equal(codes.filter((code) => code === 401).length, 50, 'exactly 50 passwords checked')
  t.equal(codes.filter((code) => code === 429).length, 10)
  t.equal((await signIn('spray6-x@example.com', 'Winter2026!', '2001:db8:5:7::1')).statusCode, 401, 'another /64')
})
