import { addDays, calendarDateIn, eligibilityErrorCode, startOfDayIn } from '@cp/domain'
import { CONSULTANT_SCENARIOS, findScenario, SEED_PASSWORD } from '@cp/db/seed'
import t from 'tap'
import { buildTestAuth, passwordSignIn } from '../helpers/app.js'
import { decodeJwt } from '../helpers/jwt.js'

const { app, prisma, clock } = await buildTestAuth(t)

t.test('an eligible consultant signs in as a consultant', async (t) => {
  const { customerId, consultantId } = await findScenario(prisma, 'eligible')
  const res = await passwordSignIn(app, { login: 'eligible.consultant@seed.test', password: SEED_PASSWORD, role: 'consultant' })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(body.user, { id: customerId, role: 'consultant', consultantId })
  const { payload } = decodeJwt(body.accessToken)
  t.match(payload, { sub: String(customerId), role: 'consultant', consultant_id: consultantId })
  t.equal(body.expiresIn, 900)
  const session = await prisma.authSession.findUniqueOrThrow({ where: { id: body.sessionId } })
  t.equal(session.expiresAt.getTime() - session.createdAt.getTime(), 14 * 24 * 3600 * 1000, '14-day consultant session')
})

t.test('the same account signs in as a customer without the consultant checks', async (t) => {
  const res = await passwordSignIn(app, { login: 'expired-license.consultant@seed.test', password: SEED_PASSWORD })
  t.equal(res.statusCode, 200)
  t.same(res.json().user.role, 'customer')
  const session = await prisma.authSession.findUniqueOrThrow({ where: { id: res.json().sessionId } })
  t.equal(session.expiresAt.getTime() - session.createdAt.getTime(), 30 * 24 * 3600 * 1000, '30-day customer session')
})

for (const [name, scenario] of Object.entries(CONSULTANT_SCENARIOS)) {
  if (scenario.ineligibleReason === null) continue
  const code = eligibilityErrorCode(scenario.ineligibleReason)
  t.test(`${name}: ${code} once the password is proven, and only then`, async (t) => {
    const login = scenario.email
    const wrong = await passwordSignIn(app, { login, password: 'wrong', role: 'consultant' })
    t.equal(wrong.statusCode, 401, 'a wrong password tells nothing about eligibility')
    t.equal(wrong.json().code, 'AUTH_INVALID_CREDENTIALS')
    const res = await passwordSignIn(app, { login, password: SEED_PASSWORD, role: 'consultant' }, { 'accept-language': 'ar' })
    t.equal(res.statusCode, 403)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.equal(res.json().code, code)
    t.match(res.json().title, /[\u0600-\u06ff]/, 'title in Arabic')
    t.equal(await prisma.authSession.count({ where: { customerId: (await findScenario(prisma, name as 'eligible')).customerId, role: 'consultant' } }), 0, 'no session opened')
  })
}

t.test('a customer without a consultant profile cannot sign in as a consultant', async (t) => {
  const res = await passwordSignIn(app, { login: 'unverified.customer@seed.test', password: SEED_PASSWORD, role: 'consultant' })
  t.equal(res.statusCode, 403)
  t.equal(res.json().code, 'AUTH_CONSULTANT_CONSULTANT_MISSING')
})

// Last: it moves the clock to the end of the day.
t.test('the access token never outlives the license: exp is capped at the end of its last day, less the clock tolerance', async (t) => {
  const { consultantId } = await findScenario(prisma, 'bookableFinance')
  const timeZone = 'Asia/Riyadh'
  const today = calendarDateIn(clock.now(), timeZone)
  await prisma.consultantLicense.updateMany({ where: { consultantId }, data: { expiryDate: new Date(`${today}T00:00:00Z`) } })
  const endOfLicense = startOfDayIn(addDays(today, 1), timeZone)
  clock.set(new Date(endOfLicense.getTime() - 5 * 60 * 1000))
  const res = await passwordSignIn(app, { login: 'finance.consultant@seed.test', password: SEED_PASSWORD, role: 'consultant' })
  t.equal(res.statusCode, 200)
  t.equal(res.json().expiresIn, 270, 'five minutes less the verifiers\' 30 s clock tolerance, not fifteen')
  t.equal(decodeJwt(res.json().accessToken).payload.exp, endOfLicense.getTime() / 1000 - 30, 'no verifier accepts it after the license')
  // Within the last 30 s no token could end before the license does: the consultant is refused with the reason.
  clock.set(new Date(endOfLicense.getTime() - 10_000))
  const last = await passwordSignIn(app, { login: 'finance.consultant@seed.test', password: SEED_PASSWORD, role: 'consultant' })
  t.equal(last.statusCode, 403, 'not a 500')
  t.equal(last.json().code, 'AUTH_CONSULTANT_LICENSE_EXPIRED')
  clock.set(endOfLicense)
  const after = await passwordSignIn(app, { login: 'finance.consultant@seed.test', password: SEED_PASSWORD, role: 'consultant' })
  t.equal(after.json().code, 'AUTH_CONSULTANT_LICENSE_EXPIRED', 'expired from the first second of the next day')
})
