import { findScenario } from '@cp/db/seed'
import t from 'tap'
import { bearer, buildTestAuth, signInWithSeedPassword } from '../helpers/app.js'

const { app, prisma, clock } = await buildTestAuth(t)

const signIn = (login: string, role?: 'customer' | 'consultant') => signInWithSeedPassword(app, login, role)
const register = (accessToken: string, payload: object) =>
  app.inject({ method: 'PUT', url: '/v1/auth/devices/current', headers: bearer(accessToken), payload })
const unregister = (accessToken: string) =>
  app.inject({ method: 'DELETE', url: '/v1/auth/devices/current', headers: bearer(accessToken) })

t.test('a session registers one device; a new token replaces it', async (t) => {
  const session = await signIn('active.customer@seed.test')
  const res = await register(session.accessToken, { token: 'fcm:token-one', platform: 'android' })
  t.equal(res.statusCode, 204)
  t.equal(res.body, '')
  t.match(await prisma.authDeviceToken.findMany({ where: { sessionId: session.sessionId } }), [
    { token: 'fcm:token-one', platform: 'android', customerId: session.user.id },
  ])
  t.equal((await register(session.accessToken, { token: 'fcm:token-two', platform: 'ios' })).statusCode, 204)
  t.match(await prisma.authDeviceToken.findMany({ where: { sessionId: session.sessionId } }), [
    { token: 'fcm:token-two', platform: 'ios' },
  ])
  t.equal(await prisma.authDeviceToken.count({ where: { token: 'fcm:token-one' } }), 0)
  t.equal((await register(session.accessToken, { token: 'fcm:token-two', platform: 'ios' })).statusCode, 204, 'idempotent')
})

t.test('a token already owned by another account moves to the new owner', async (t) => {
  const first = await signIn('active.customer@seed.test')
  const second = await signIn('md5.customer@seed.test')
  await register(first.accessToken, { token: 'apns:shared-phone', platform: 'ios' })
  await register(second.accessToken, { token: 'apns:shared-phone', platform: 'ios' })
  const rows = await prisma.authDeviceToken.findMany({ where: { token: 'apns:shared-phone' } })
  t.equal(rows.length, 1)
  t.match(rows[0], { customerId: second.user.id, sessionId: second.sessionId })
})

t.test('an account keeps at most 10 devices; the least recently registered goes', async (t) => {
  const { customerId } = await findScenario(prisma, 'unverifiedCustomer')
  for (let i = 1; i <= 11; i++) {
    const session = await signIn('unverified.customer@seed.test')
    t.equal((await register(session.accessToken, { token: `web:device-${i}`, platform: 'web' })).statusCode, 204)
    clock.advance(1000)
  }
  const tokens = (await prisma.authDeviceToken.findMany({ where: { customerId }, orderBy: { updatedAt: 'asc' } })).map((row) => row.token)
  t.equal(tokens.length, 10)
  t.equal(tokens[0], 'web:device-2', 'the first one registered was removed')
  t.equal(tokens.at(-1), 'web:device-11')
})

t.test('DELETE removes the session device, and is fine when there is none', async (t) => {
  const session = await signIn('active.customer@seed.test')
  await register(session.accessToken, { token: 'fcm:to-delete', platform: 'android' })
  t.equal((await unregister(session.accessToken)).statusCode, 204)
  t.equal(await prisma.authDeviceToken.count({ where: { sessionId: session.sessionId } }), 0)
  t.equal((await unregister(session.accessToken)).statusCode, 204)
})

t.test('logout removes the session device; logout/all removes every device of the account', async (t) => {
  const a = await signIn('family.consultant@seed.test')
  const b = await signIn('family.consultant@seed.test')
  await register(a.accessToken, { token: 'fcm:family-a', platform: 'android' })
  await register(b.accessToken, { token: 'fcm:family-b', platform: 'android' })
  await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(a.accessToken) })
  t.equal(await prisma.authDeviceToken.count({ where: { token: 'fcm:family-a' } }), 0)
  t.equal(await prisma.authDeviceToken.count({ where: { token: 'fcm:family-b' } }), 1)
  const c = await signIn('family.consultant@seed.test')
  await register(c.accessToken, { token: 'fcm:family-c', platform: 'web' })
  await app.inject({ method: 'POST', url: '/v1/auth/logout/all', headers: bearer(c.accessToken) })
  t.equal(await prisma.authDeviceToken.count({ where: { customerId: b.user.id } }), 0)
  const afterLogout = await register(c.accessToken, { token: 'fcm:family-d', platform: 'web' })
  t.equal(afterLogout.statusCode, 401, 'an ended session registers nothing')
})

t.test('bad tokens and platforms are 400; no bearer is 401', async (t) => {
  const session = await signIn('active.customer@seed.test')
  for (const payload of [
    { token: 'has space', platform: 'ios' },
    { token: '', platform: 'ios' },
    { token: 'x'.repeat(4097), platform: 'ios' },
    { token: 'fine', platform: 'blackberry' },
    { token: 42, platform: 'ios' },
    { token: 'fine' },
  ]) {
    t.equal((await register(session.accessToken, payload)).statusCode, 400, JSON.stringify(payload).slice(0, 40))
  }
  const anonymous = await app.inject({ method: 'PUT', url: '/v1/auth/devices/current', payload: { token: 'x', platform: 'ios' } })
  t.equal(anonymous.statusCode, 401)
})

t.test('two accounts registering one new token at once: both answered, one row, no 500', async (t) => {
  const first = await signIn('active.customer@seed.test')
  const second = await signIn('md5.customer@seed.test')
  const results = await Promise.all([
    register(first.accessToken, { token: 'fcm:race', platform: 'android' }),
    register(second.accessToken, { token: 'fcm:race', platform: 'android' }),
  ])
  t.same(results.map((res) => res.statusCode), [204, 204])
  t.equal(await prisma.authDeviceToken.count({ where: { token: 'fcm:race' } }), 1)
})
