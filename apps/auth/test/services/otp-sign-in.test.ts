import t from 'tap'
import { createMemorySender, type MemorySender } from '../../src/lib/senders.js'
import { type AccountsRepository, createAccountsRepository } from '../../src/repositories/accounts-repository.js'
import { createOtpRepository } from '../../src/repositories/otp-repository.js'
import { createSessionsRepository } from '../../src/repositories/sessions-repository.js'
import { createSignInTransaction } from '../../src/repositories/sign-in-transaction.js'
import { createEligibilityCheck } from '../../src/services/eligibility.js'
import { createOtpSignIn } from '../../src/services/otp-sign-in.js'
import { createTokenService } from '../../src/services/token-service.js'
import { buildTestAuth } from '../helpers/app.js'

const { app, prisma, config, clock } = await buildTestAuth(t)

/** The OTP service over `client` (the test database's, or one that fails on purpose), with real repositories. */
function otpSignInOn(
  client: typeof prisma,
  { sender = createMemorySender(), accounts = createAccountsRepository(client) }: { sender?: MemorySender; accounts?: AccountsRepository } = {},
) {
  return createOtpSignIn({
    otp: createOtpRepository(client),
    accounts,
    transaction: createSignInTransaction(client),
    tokens: createTokenService(config, createSessionsRepository(client)),
    eligibilityCheckFor: (repository) => createEligibilityCheck(repository, config.PLATFORM_TIME_ZONE, config.AUTH_CLOCK_TOLERANCE_SEC),
    sender,
    clock: clock.now,
    pepper: config.otpPepper,
    codeTtlSeconds: 300,
    defaultRegion: 'SA',
    log: app.log,
  })
}

t.test('a consultant code request answers before anything that depends on the account is even looked up', async (t) => {
  // The account lookup of the deliverability check is held until the test releases it. Were the answer to wait for it
  // (the extra queries an existing account costs), this test would never finish; were the lookup to start before the
  // answer is out, `lookups` would not be 0 when the answers are in.
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
  const otp = otpSignInOn(prisma, { sender, accounts: heldAccounts })
  const afterAnswer: Array<() => void> = []
  const request = { role: 'consultant', ip: '10.99.0.1', locale: 'en', afterAnswer: (task: () => void) => afterAnswer.push(task) } as const
  const answers = await Promise.all([
    otp.requestCode({ ...request, destination: '+966500000101' }),
    otp.requestCode({ ...request, destination: '+966500009998' }),
  ])
  t.same(answers[0], answers[1], 'the same answer for a consultant and for nobody')
  t.equal(lookups, 0, 'no account lookup has started by the time both answers are in')
  t.equal(afterAnswer.length, 2, 'each delivery waits for its answer to be out')
  for (const task of afterAnswer) task()
  t.equal(lookups, 2, 'the lookups start once the answers are out')
  t.same(sender.sent, [], 'nothing sent while the lookups are held')
  releaseLookup()
  await otp.drain()
  t.same(sender.sent.map((m) => m.destination), ['+966500000101'], 'only the consultant gets the code')
})

/**
 * The test database's client, except that `model.method` throws when `when` holds for its argument, both outside
 * and inside interactive transactions: a write failing half-way through.
 */
function failingClient(model: string, method: string, when: (args: { data?: Record<string, unknown> }) => boolean) {
  const wrap = <C extends object>(client: C): C =>
    new Proxy(client, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown
        if (property === '$transaction') {
          return (work: (tx: object) => Promise<unknown>) =>
            (value as (work: (tx: object) => Promise<unknown>) => Promise<unknown>).call(target, (tx) => work(wrap(tx)))
        }
        if (property !== model) return typeof value === 'function' ? value.bind(target) : value
        return new Proxy(value as object, {
          get(modelTarget, name) {
            const original = Reflect.get(modelTarget, name) as (...args: unknown[]) => Promise<unknown>
            if (name !== method) return typeof original === 'function' ? original.bind(modelTarget) : original
            return async (args: { data?: Record<string, unknown> }) => {
              if (when(args)) throw new Error(`${model}.${method} failed`)
              return original.call(modelTarget, args)
            }
          },
        })
      },
    })
  return wrap(prisma)
}

t.test('a code is never stored without being counted as issued', async (t) => {
  const otp = otpSignInOn(failingClient('authOtpEvent', 'create', (args) => args.data?.kind === 'issued'))
  const destination = 'issue-fails@example.com'
  await t.rejects(otp.requestCode({ destination, role: 'customer', ip: '10.99.0.2', locale: 'en', afterAnswer: (task) => task() }))
  t.equal(await prisma.authOtpCode.count({ where: { destination } }), 0, 'no code stored')
  t.equal(await prisma.authOtpEvent.count({ where: { destination, kind: 'issued' } }), 0)
})

t.test('a verification that fails half-way writes nothing: no used code, no account, no session', async (t) => {
  const sender = createMemorySender()
  const destination = 'verify-fails@example.com'
  const request = { destination, role: 'customer', ip: '10.99.0.3', locale: 'en' } as const
  const signIn = otpSignInOn(prisma, { sender })
  await signIn.requestCode({ ...request, afterAnswer: (task) => task() })
  await signIn.drain()
  const code = sender.lastCodeFor(destination)
  t.ok(code)

  const failing = otpSignInOn(failingClient('authSession', 'create', () => true))
  await t.rejects(failing.verifyCode({ ...request, code: code! }), /authSession.create failed/)
  t.equal(await prisma.customer.count({ where: { email: destination } }), 0, 'no account created')
  t.equal(await prisma.authOtpCode.count({ where: { destination, consumedAt: { not: null } } }), 0, 'the code is not used')

  const pair = await otpSignInOn(prisma).verifyCode({ ...request, code: code! })
  t.equal(pair.user.role, 'customer', 'so the same code still signs in once the database works')
  t.equal(await prisma.customer.count({ where: { email: destination } }), 1)
})
