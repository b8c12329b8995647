// A consultant's latest consultations order is the one created last, not the one with the highest id
// (packages/db/src/eligibility/latest-order.ts). Imported or back-dated orders get a higher id than the current
// application while standing for an older one; sign-in must read them as the consultants list and profile do
// (apps/consultants/test/routes/latest-order.test.ts sets up the same two cases).
import { findScenario, SEED_PASSWORD } from '@cp/db/seed'
import { recordOlderOrderLater } from '@cp/db/testing'
import t from 'tap'
import { buildTestAuth, passwordSignIn } from '../helpers/app.js'

const { app, prisma, clock } = await buildTestAuth(t)

t.test('an older rejection recorded later does not lock out the approved consultant', async (t) => {
  const { customerId, consultantId } = await findScenario(prisma, 'eligible')
  await recordOlderOrderLater(prisma, customerId, { current: 'Approved', older: 'Rejected', now: clock.now() })
  const res = await passwordSignIn(app, { login: 'eligible.consultant@seed.test', password: SEED_PASSWORD, role: 'consultant' })
  t.equal(res.statusCode, 200, res.body)
  t.same(res.json().user, { id: customerId, role: 'consultant', consultantId })
})

t.test('an older approval recorded later does not reinstate the rejected consultant', async (t) => {
  const { customerId } = await findScenario(prisma, 'bookableFinance')
  await recordOlderOrderLater(prisma, customerId, { current: 'Rejected', older: 'Approved', now: clock.now() })
  const res = await passwordSignIn(app, { login: 'finance.consultant@seed.test', password: SEED_PASSWORD, role: 'consultant' })
  t.equal(res.statusCode, 403)
  t.equal(res.json().code, 'AUTH_CONSULTANT_ORDER_REJECTED')
})
