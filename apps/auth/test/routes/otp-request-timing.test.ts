import t from 'tap'
import type { AccountsRepository } from '../../src/repositories/accounts-repository.js'
import { buildTestAuth } from '../helpers/app.js'
import { freshIp } from '../helpers/otp.js'

// A consultant code goes only to a consultant's destination, so deciding it needs an account lookup. Its cost must
// not show in the answer: the lookup may start only once the 202 is out, and a slow one must not delay the 202. This
// is checked by order of events, not by wall-clock thresholds, which a busy machine would make meaningless.
let responsesFinished = 0
/** For each lookup, how many responses had finished when it started. */
const lookupStartedAfter: number[] = []
let releaseLookups!: () => void
const lookupsReleased = new Promise<void>((resolve) => {
  releaseLookups = resolve
})

const holdLookups = (accounts: AccountsRepository): AccountsRepository => ({
  ...accounts,
  async findByDestination(destination) {
    lookupStartedAfter.push(responsesFinished)
    await lookupsReleased
    return accounts.findByDestination(destination)
  },
})

const { app, sender } = await buildTestAuth(t, {
  wrapAccounts: holdLookups,
  // Fastify runs onResponse hooks once the response is finished, before any listener added later by the route.
  beforeReady: (built) =>
    built.addHook('onResponse', (_request, _reply, done) => {
      responsesFinished += 1
      done()
    }),
})

const request = (destination: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/auth/otp/request',
    payload: { destination, role: 'consultant' },
    remoteAddress: freshIp(),
  })

t.test('the consultant lookup starts only after the 202 is out, and a held lookup does not delay it', async (t) => {
  const consultant = await request('+966500000101')
  t.equal(consultant.statusCode, 202)
  t.same(lookupStartedAfter, [1], 'one lookup, started after the first response had finished')

  const nobody = await request('+966500009997')
  t.equal(nobody.statusCode, 202)
  t.same(consultant.json(), nobody.json(), 'the same answer for a consultant and for nobody')
  t.same(lookupStartedAfter, [1, 2], 'the second lookup, likewise after its response')
  t.same(sender.sent, [], 'both lookups are still held, yet both answers are in')

  releaseLookups()
  await app.drainCodeDeliveries()
  t.same(sender.sent.map((message) => message.destination), ['+966500000101'], 'only the consultant gets a code')
})
