import { findScenario } from '@cp/db/seed'
import t from 'tap'
import { bearer, buildTestAuth, signInWithSeedPassword } from '../helpers/app.js'

const { app, prisma, clock } = await buildTestAuth(t)
const DAY = 24 * 3600 * 1000

const refresh = (refreshToken: unknown) =>
  app.inject({ method: 'POST', url: '/v1/auth/token/refresh', payload: { refreshToken } })
const me = (accessToken: string) => app.inject({ url: '/v1/auth/me', headers: bearer(accessToken) })

const signIn = (login: string, role?: 'customer' | 'consultant') => signInWithSeedPassword(app, login, role)

t.test('every refresh rotates; the previous token within 10 s gets the same pair', async (t) => {
  const first = await signIn('active.customer@seed.test')
  const second = await refresh(first.refreshToken)
  t.equal(second.statusCode, 200)
  t.equal(second.headers['cache-control'], 'no-store')
  const pair = second.json()
  t.not(pair.refreshToken, first.refreshToken)
  t.not(pair.accessToken, first.accessToken)
  t.equal(pair.sessionId, first.sessionId, 'same session')

  clock.advance(10_000)
  const replay = await refresh(first.refreshToken)
  t.equal(replay.statusCode, 200, 'a retry within the grace period')
  t.same(replay.json(), pair, 'the very same pair')

  const third = await refresh(pair.refreshToken)
  t.equal(third.statusCode, 200, 'the new token rotates as usual')
  t.equal((await me(third.json().accessToken)).statusCode, 200)
})

t.test('a quick second rotation does not void the first token\'s grace period', async (t) => {
  const first = await signIn('active.customer@seed.test')
  const second = (await refresh(first.refreshToken)).json()
  clock.advance(2000)
  const third = await refresh(second.refreshToken)
  t.equal(third.statusCode, 200)
  clock.advance(2000)
  const replay = await refresh(first.refreshToken)
  t.equal(replay.statusCode, 200, 'the first token, 4 s after its rotation, still gets its pair')
  t.same(replay.json(), second)
  clock.advance(10_000)
  await refresh(third.json().refreshToken)
  const sealed = await prisma.authRefreshToken.count({ where: { sessionId: first.sessionId, graceResponse: { not: null } } })
  t.equal(sealed, 1, 'only the latest rotation keeps a sealed pair once the others are past their grace')
})

t.test('two parallel refreshes of one token both get the same new pair', async (t) => {
  const first = await signIn('active.customer@seed.test')
  const [a, b] = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)])
  t.equal(a.statusCode, 200)
  t.equal(b.statusCode, 200)
  t.same(a.json(), b.json())
  t.equal(await prisma.authRefreshToken.count({ where: { sessionId: first.sessionId } }), 2, 'one rotation, no partial write')
})

t.test('a rotated token replayed after the grace period kills the whole family', async (t) => {
  const first = await signIn('active.customer@seed.test')
  const pair = (await refresh(first.refreshToken)).json()
  clock.advance(10_001)
  const reuse = await refresh(first.refreshToken)
  t.equal(reuse.statusCode, 401)
  t.equal(reuse.json().code, 'AUTH_REFRESH_REUSED')
  const latest = await refresh(pair.refreshToken)
  t.equal(latest.statusCode, 401, 'the newest token of the family is dead too')
  t.equal(latest.json().code, 'AUTH_SESSION_ENDED')
  t.equal((await me(pair.accessToken)).json().code, 'AUTH_SESSION_ENDED', 'and so are its access tokens here')
  const session = await prisma.authSession.findUniqueOrThrow({ where: { id: first.sessionId } })
  t.equal(session.revokedReason, 'reuse')
  t.equal(await prisma.authRefreshToken.count({ where: { sessionId: first.sessionId, graceResponse: { not: null } } }), 0)
})

t.test('refresh tokens are opaque and only for refresh; access tokens are only for bearer use', async (t) => {
  const first = await signIn('active.customer@seed.test')
  const asBearer = await me(first.refreshToken)
  t.equal(asBearer.statusCode, 401)
  t.equal(asBearer.json().code, 'COMMON_UNAUTHORIZED')
  const accessToRefresh = await refresh(first.accessToken)
  t.equal(accessToRefresh.statusCode, 401)
  t.equal(accessToRefresh.json().code, 'AUTH_REFRESH_INVALID')
  const unknown = await refresh('A'.repeat(43))
  t.equal(unknown.json().code, 'AUTH_REFRESH_INVALID')
  for (const bad of [12345, null, ['x'], { token: 'x' }, '']) t.equal((await refresh(bad)).statusCode, 400, JSON.stringify(bad))
  t.equal((await refresh(first.refreshToken)).statusCode, 200, 'the token still works after all that')
})

t.test('logout ends this session; logout/all ends every session of the account', async (t) => {
  const a = await signIn('md5.customer@seed.test')
  const b = await signIn('+966500000002')
  const out = await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(a.accessToken) })
  t.equal(out.statusCode, 204)
  t.equal((await refresh(a.refreshToken)).json().code, 'AUTH_SESSION_ENDED', 'refresh after logout')
  t.equal((await me(a.accessToken)).statusCode, 401, 'the access token stops working here at once')
  t.equal((await refresh(b.refreshToken)).statusCode, 200, 'the other session lives')

  const c = await signIn('md5.customer@seed.test')
  const all = await app.inject({ method: 'POST', url: '/v1/auth/logout/all', headers: bearer(c.accessToken) })
  t.equal(all.statusCode, 204)
  const sessions = await prisma.authSession.findMany({ where: { customerId: (await findScenario(prisma, 'md5Customer')).customerId } })
  t.ok(sessions.every((session) => session.revokedAt !== null), 'every session ended')
  t.equal((await app.inject({ method: 'POST', url: '/v1/auth/logout' })).statusCode, 401, 'logout needs a token')
})

t.test('logout/all clears the sealed replay pairs of every session, as logout does', async (t) => {
  const first = await signIn('active.customer@seed.test')
  const second = await signIn('active.customer@seed.test')
  const current = (await refresh(first.refreshToken)).json()
  await refresh(second.refreshToken)
  const sessionIds = [first.sessionId, second.sessionId]
  const sealed = () => prisma.authRefreshToken.count({ where: { sessionId: { in: sessionIds }, graceResponse: { not: null } } })
  t.equal(await sealed(), 2, 'each rotation keeps its pair for replays')
  const all = await app.inject({ method: 'POST', url: '/v1/auth/logout/all', headers: bearer(current.accessToken) })
  t.equal(all.statusCode, 204)
  t.equal(await sealed(), 0, 'no pair is kept for sessions that ended')
  t.equal((await refresh(first.refreshToken)).json().code, 'AUTH_SESSION_ENDED', 'a replay within the grace period is refused')
})

t.test('a disabled account cannot refresh', async (t) => {
  const { customerId } = await findScenario(prisma, 'unverifiedCustomer')
  const first = await signIn('unverified.customer@seed.test')
  await prisma.customer.update({ where: { customerId }, data: { accountStatus: 'Disabled' } })
  t.teardown(() => prisma.customer.update({ where: { customerId }, data: { accountStatus: 'Active' } }))
  const res = await refresh(first.refreshToken)
  t.equal(res.statusCode, 403)
  t.equal(res.json().code, 'AUTH_ACCOUNT_DISABLED')
  await prisma.customer.update({ where: { customerId }, data: { accountStatus: 'Active' } })
  t.equal((await refresh(first.refreshToken)).json().code, 'AUTH_SESSION_ENDED', 'the session ended with the account')
})

t.test('a consultant who becomes ineligible after sign-in cannot refresh', async (t) => {
  const { consultantId } = await findScenario(prisma, 'bookableUnassigned')
  const first = await signIn('unassigned.consultant@seed.test', 'consultant')
  const contracts = await prisma.consultantContract.findMany({ where: { consultantId } })
  await prisma.consultantContract.updateMany({ where: { consultantId }, data: { endDate: new Date('2020-01-31T00:00:00Z') } })
  t.teardown(async () => {
    for (const contract of contracts) {
      await prisma.consultantContract.update({ where: { contractId: contract.contractId }, data: { endDate: contract.endDate } })
    }
  })
  const res = await refresh(first.refreshToken)
  t.equal(res.statusCode, 403)
  t.equal(res.json().code, 'AUTH_CONSULTANT_CONTRACT_EXPIRED')
  t.equal((await prisma.authSession.findUniqueOrThrow({ where: { id: first.sessionId } })).revokedReason, 'ineligible')
})

t.test('a consultant refresh re-checks eligibility and keeps the consultant claims', async (t) => {
  const { consultantId } = await findScenario(prisma, 'eligible')
  const first = await signIn('eligible.consultant@seed.test', 'consultant')
  const res = await refresh(first.refreshToken)
  t.equal(res.statusCode, 200)
  t.same(res.json().user.consultantId, consultantId)
})

// Last: these move the clock by days.
t.test('idle timeout: 14 days without a refresh end the session', async (t) => {
  const kept = await signIn('active.customer@seed.test')
  const idle = await signIn('active.customer@seed.test')
  clock.advance(13 * DAY)
  const keptPair = (await refresh(kept.refreshToken)).json()
  t.ok(keptPair.refreshToken, 'used within 13 days')
  clock.advance(DAY)
  const res = await refresh(idle.refreshToken)
  t.equal(res.statusCode, 401)
  t.equal(res.json().code, 'AUTH_SESSION_EXPIRED')
  t.equal((await refresh(keptPair.refreshToken)).statusCode, 200, 'the session in use lives on')
})

t.test('absolute lifetime: 30 days for customers and 14 for consultants, however often refreshed', async (t) => {
  let customer = (await signIn('active.customer@seed.test')).refreshToken
  let consultant = (await signIn('eligible.consultant@seed.test', 'consultant')).refreshToken
  for (let day = 7; day < 14; day += 7) {
    clock.advance(7 * DAY)
    customer = (await refresh(customer)).json().refreshToken
    consultant = (await refresh(consultant)).json().refreshToken
  }
  clock.advance(7 * DAY)
  const consultantAt14 = await refresh(consultant)
  t.equal(consultantAt14.json().code, 'AUTH_SESSION_EXPIRED', 'consultant session over at 14 days')
  for (let day = 21; day < 30; day += 7) {
    customer = (await refresh(customer)).json().refreshToken
    clock.advance(7 * DAY)
  }
  const customerAt28 = await refresh(customer)
  t.equal(customerAt28.statusCode, 200, 'customer session alive at 28 days')
  customer = customerAt28.json().refreshToken
  clock.advance(2 * DAY)
  t.equal((await refresh(customer)).json().code, 'AUTH_SESSION_EXPIRED', 'customer session over at 30 days')
})

t.test('a refresh token whose session row is gone (no foreign key keeps it) is invalid', async (t) => {
  const first = await signIn('active.customer@seed.test')
  await prisma.authSession.deleteMany({ where: { id: first.sessionId } })
  t.equal(await prisma.authRefreshToken.count({ where: { sessionId: first.sessionId } }), 1, 'the token outlives its session')
  const answer = await refresh(first.refreshToken)
  t.equal(answer.statusCode, 401)
  t.equal(answer.json().code, 'AUTH_REFRESH_INVALID')
})
