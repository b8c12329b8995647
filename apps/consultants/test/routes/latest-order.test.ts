// A consultant's latest consultations order is the one created last, not the one with the highest id
// (packages/db/src/eligibility/latest-order.ts). Imported or back-dated orders get a higher id than the current
// application while standing for an older one; the list and the profile must read them as sign-in does
// (apps/auth/test/routes/latest-order.test.ts sets up the same two cases).
import { findScenario } from '@cp/db/seed'
import { recordOlderOrderLater } from '@cp/db/testing'
import t from 'tap'
import { BASE, buildTestConsultants, NOW } from '../helpers/app.js'

const { app, prisma } = await buildTestConsultants(t, { env: { CONSULTANTS_TOTAL_CACHE_SECONDS: '0' } })
const WINDOW = 'from=2026-12-06T00:00:00%2B03:00&to=2026-12-07T00:00:00%2B03:00'

const approved = await findScenario(prisma, 'eligible')
const rejected = await findScenario(prisma, 'bookableFinance')
await recordOlderOrderLater(prisma, approved.customerId, { current: 'Approved', older: 'Rejected', now: NOW })
await recordOlderOrderLater(prisma, rejected.customerId, { current: 'Rejected', older: 'Approved', now: NOW })

t.test('the list shows the approved consultant and not the rejected one', async (t) => {
  const res = await app.inject({ url: `${BASE}?pageSize=100` })
  t.equal(res.statusCode, 200)
  const ids = (res.json().items as Array<{ id: number }>).map((item) => item.id)
  t.ok(ids.includes(approved.consultantId), 'an older rejection recorded later does not hide the approved consultant')
  t.notOk(ids.includes(rejected.consultantId), 'an older approval recorded later does not list the rejected consultant')
  t.equal(res.json().total, ids.length, 'the total counts the same consultants')
})

t.test('the profile and the availability follow the same rule', async (t) => {
  t.equal((await app.inject({ url: `${BASE}/${approved.consultantId}` })).statusCode, 200)
  t.equal((await app.inject({ url: `${BASE}/${rejected.consultantId}` })).statusCode, 404)
  t.equal((await app.inject({ url: `${BASE}/${approved.consultantId}/availability?${WINDOW}` })).statusCode, 200)
  t.equal((await app.inject({ url: `${BASE}/${rejected.consultantId}/availability?${WINDOW}` })).statusCode, 404)
})
