import t from 'tap'
import { createMemorySender } from '../../src/lib/senders.js'
import { createAccountsRepository } from '../../src/repositories/accounts-repository.js'
import { createOtpRepository } from '../../src/repositories/otp-repository.js'
import { createEligibilityCheck } from '../../src/services/eligibility.js'
import { createOtpSignIn } from '../../src/services/otp-sign-in.js'
import type { TokenService } from '../../src/services/token-service.js'
import { buildTestAuth } from '../helpers/app.js'

const { app, prisma, config, clock } = await buildTestAuth(t)

t.test('a consultant code request answers before anything that depends on the account is looked up', async (t) => {
  // The account lookup of the deliverability check is held until the answer is out. Were the answer to wait for it
  // (the extra queries an existing account costs), this test would never finish.
  const accounts = createAccountsRepository(prisma)
  let releaseLookup!: () => void
  const lookupReleased = new Promise<void>((resolve) => {
    releaseLookup = resolve
  })
  let lookups = 0
  const heldAccounts = {
    ...accounts,
    async findByDestination(...args: Parameters<typeof accounts.findByDestination>) {
      lookups += 1
      await lookupReleased
      return accounts.findByDestination(...args)
    },
  }
  const sender = createMemorySender()
  const otp = createOtpSignIn({
    otp: createOtpRepository(prisma),
    accounts: heldAccounts,
    tokens: {} as TokenService,
    checkEligibility: createEligibilityCheck(accounts, config.PLATFORM_TIME_ZONE),
    sender,
    clock: clock.now,
    pepper: config.otpPepper,
    codeTtlSeconds: 300,
    defaultRegion: 'SA',
    log: app.log,
  })
  const request = { role: 'consultant', ip: '10.99.0.1', locale: 'en' } as const
  const answers = await Promise.all([
    otp.requestCode({ ...request, destination: '+966500000101' }),
    otp.requestCode({ ...request, destination: '+966500009998' }),
  ])
  t.same(answers[0], answers[1], 'the same answer for a consultant and for nobody')
  t.same(sender.sent, [], 'nothing sent before the answer')
  releaseLookup()
  await otp.drain()
  t.equal(lookups, 2, 'deliverability was decided in the background')
  t.same(sender.sent.map((m) => m.destination), ['+966500000101'], 'only the consultant gets the code')
})
