import { addDays, calendarDateIn, startOfDayIn } from '@cp/domain'
import { findScenario, SEED_PASSWORD } from '@cp/db/seed'
import t from 'tap'
import { createAccountsRepository } from '../../src/repositories/accounts-repository.js'
import { createOtpRepository } from '../../src/repositories/otp-repository.js'
import { createSessionsRepository } from '../../src/repositories/sessions-repository.js'
import { createThrottleRepository } from '../../src/repositories/throttle-repository.js'
import { createEligibilityCheck } from '../../src/services/eligibility.js'
import { createPasswordSignIn } from '../../src/services/password-sign-in.js'
import { createTokenService } from '../../src/services/token-service.js'
import { buildTestAuth } from '../helpers/app.js'
import { decodeJwt } from '../helpers/jwt.js'

const { app, prisma, config } = await buildTestAuth(t)

t.test('a consultant sign-in is judged at one instant, even when the license ends meanwhile (no 500)', async (t) => {
  const timeZone = config.PLATFORM_TIME_ZONE
  const { consultantId } = await findScenario(prisma, 'bookableFinance')
  const today = calendarDateIn(new Date(), timeZone)
  await prisma.consultantLicense.updateMany({ where: { consultantId }, data: { expiryDate: new Date(`${today}T00:00:00Z`) } })
  const endOfLicense = startOfDayIn(addDays(today, 1), timeZone)
  // Every read of this clock is 10 minutes later than the one before, starting 15 minutes before the license ends:
  // had eligibility and the token each read it, eligibility would pass and the token start after its own cap.
  let next = endOfLicense.getTime() - 15 * 60_000
  const steppingClock = () => {
    const now = new Date(next)
    next += 10 * 60_000
    return now
  }
  const accounts = createAccountsRepository(prisma)
  const signIn = createPasswordSignIn({
    accounts,
    throttle: createThrottleRepository(prisma),
    events: createOtpRepository(prisma),
    tokens: createTokenService(config, createSessionsRepository(prisma)),
    checkEligibility: createEligibilityCheck(accounts, timeZone, config.AUTH_CLOCK_TOLERANCE_SEC),
    clock: steppingClock,
    defaultRegion: config.OTP_DEFAULT_REGION,
    log: app.log,
  })
  const pair = await signIn({ login: 'finance.consultant@seed.test', password: SEED_PASSWORD, role: 'consultant', ip: '10.98.0.1' })
  const { payload } = decodeJwt(pair.accessToken)
  const tolerance = config.AUTH_CLOCK_TOLERANCE_SEC
  t.equal(payload.exp, endOfLicense.getTime() / 1000 - tolerance, 'capped at the end of the license, less the tolerance')
  t.equal(Number(payload.exp) - Number(payload.iat), 15 * 60 - tolerance, 'issued at the instant eligibility was judged')
})
