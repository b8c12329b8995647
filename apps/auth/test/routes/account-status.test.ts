import { findScenario } from '@cp/db/seed'
import t from 'tap'
import { bearer, buildTestAuth, signInWithSeedPassword } from '../helpers/app.js'

// The account is checked on every signed-in request here, not only at the next refresh: a disabled customer or a
// consultant who is no longer eligible stops using /me and devices at once, not when the access token expires.
const { app, prisma } = await buildTestAuth(t)

const me = (accessToken: string) => app.inject({ url: '/v1/auth/me', headers: bearer(accessToken) })
const putDevice = (accessToken: string) =>
  app.inject({ method: 'PUT', url: '/v1/auth/devices/current', headers: bearer(accessToken), payload: { token: 'push-token-1', platform: 'ios' } })

t.test('a disabled customer loses the session at the next request', async (t) => {
  const signedIn = await signInWithSeedPassword(app, 'active.customer@seed.test')
  t.equal((await me(signedIn.accessToken)).statusCode, 200)
  await prisma.customer.update({ where: { customerId: signedIn.user.id }, data: { accountStatus: 'Disabled' } })
  t.teardown(() => prisma.customer.update({ where: { customerId: signedIn.user.id }, data: { accountStatus: 'Active' } }))

  const refused = await me(signedIn.accessToken)
  t.equal(refused.statusCode, 403)
  t.equal(refused.json().code, 'AUTH_ACCOUNT_DISABLED')
  const session = await prisma.authSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } })
  t.equal(session.revokedReason, 'account_disabled', 'and the session ends')
  t.equal((await putDevice(signedIn.accessToken)).statusCode, 401, 'devices: the session is over')
})

t.test('a consultant who is no longer eligible loses the session at the next request', async (t) => {
  const { consultantId } = await findScenario(prisma, 'eligible')
  const signedIn = await signInWithSeedPassword(app, 'eligible.consultant@seed.test', 'consultant')
  t.equal((await putDevice(signedIn.accessToken)).statusCode, 204)
  await prisma.consultant.update({ where: { consultantId }, data: { consultantStatus: 'Disabled' } })
  t.teardown(() => prisma.consultant.update({ where: { consultantId }, data: { consultantStatus: 'Active' } }))

  const refused = await me(signedIn.accessToken)
  t.equal(refused.statusCode, 403)
  t.equal(refused.json().code, 'AUTH_CONSULTANT_CONSULTANT_DISABLED')
  t.equal(await prisma.authDeviceToken.count({ where: { sessionId: signedIn.sessionId } }), 0, 'its device goes with it')
})
