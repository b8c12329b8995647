// Nothing may depend on which instance answers: every code, limit, lockout and session lives in the database.
// Each check below is run until its steps were answered by different instances (round robin makes that the
// common case) and asserts, from the instances' own logs, that they were.
import { randomInt, randomUUID } from 'node:crypto'
import { SEED_PASSWORD } from '@cp/db/seed'
import t, { type Test } from 'tap'
import { apiClients } from '../src/clients.js'
import { type Stack, startStack } from '../src/stack.js'

const GUESSES_PER_CODE = 5

function newPhone(): string {
  return `+96650${String(randomInt(2_000_000, 9_999_999))}`
}

/** Which instance served the request with this id (exactly one must have). */
async function servedBy(t: Test, stack: Stack, requestId: string): Promise<string> {
  const servers = await stack.servedBy(requestId)
  t.equal(servers.length, 1, `one instance served ${requestId}`)
  return servers[0]?.name ?? 'none'
}

t.test('across instances', async (t) => {
  const stack = await startStack(t)
  const api = apiClients(stack.proxyUrl)
  const withId = (id: string) => ({ 'x-request-id': id })

  t.test('a code requested on one instance is verified on the other', async (t) => {
    let crossed = false
    for (let attempt = 0; attempt < 6 && !crossed; attempt++) {
      const phone = newPhone()
      const sent = stack.relay.messages.length
      const requestId = `code-request-${randomUUID()}`
      const verifyId = `code-verify-${randomUUID()}`
      const requested = await api.auth.POST('/v1/auth/otp/request', { body: { destination: phone }, headers: withId(requestId) })
      t.equal(requested.response.status, 202)
      const code = await stack.relay.codeFor(phone, sent)
      const verified = await api.auth.POST('/v1/auth/otp/verify', { body: { destination: phone, code }, headers: withId(verifyId) })
      t.equal(verified.response.status, 200, 'the code is good wherever it was issued')
      crossed = (await servedBy(t, stack, requestId)) !== (await servedBy(t, stack, verifyId))
    }
    t.ok(crossed, 'issued on one instance, used on the other')
  })

  t.test('wrong guesses on both instances burn one code', async (t) => {
    const phone = newPhone()
    await api.auth.POST('/v1/auth/otp/request', { body: { destination: phone } })
    const code = await stack.relay.codeFor(phone)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const servers = new Set<string>()
    for (let i = 0; i < GUESSES_PER_CODE; i++) {
      const id = `guess-${randomUUID()}`
      const guess = await api.auth.POST('/v1/auth/otp/verify', { body: { destination: phone, code: wrong }, headers: withId(id) })
      t.equal(guess.response.status, 401)
      servers.add(await servedBy(t, stack, id))
    }
    t.equal(servers.size, 2, 'the guesses were spread over both instances')
    const right = await api.auth.POST('/v1/auth/otp/verify', { body: { destination: phone, code } })
    t.equal(right.response.status, 401, `after ${GUESSES_PER_CODE} wrong guesses anywhere, the code is burned everywhere`)
    t.equal(right.error?.code, 'AUTH_OTP_INVALID')
  })

  t.test('a refresh token rotated on one instance is detected as reused on the other', async (t) => {
    let crossed = false
    for (let attempt = 0; attempt < 6 && !crossed; attempt++) {
      const signIn = await api.auth.POST('/v1/auth/password/sign-in', {
        body: { login: 'active.customer@seed.test', password: SEED_PASSWORD },
      })
      t.equal(signIn.response.status, 200)
      const first = signIn.data
      if (!first) throw new Error('no pair')
      const rotateId = `rotate-${randomUUID()}`
      const reuseId = `reuse-${randomUUID()}`
      const rotated = await api.auth.POST('/v1/auth/token/refresh', { body: { refreshToken: first.refreshToken }, headers: withId(rotateId) })
      t.equal(rotated.response.status, 200)
      const reused = await api.auth.POST('/v1/auth/token/refresh', { body: { refreshToken: first.refreshToken }, headers: withId(reuseId) })
      t.equal(reused.response.status, 401)
      t.equal(reused.error?.code, 'AUTH_REFRESH_REUSED')
      const familyEnded = await api.auth.POST('/v1/auth/token/refresh', { body: { refreshToken: rotated.data?.refreshToken ?? '' } })
      t.equal(familyEnded.response.status, 401, 'reuse ends the whole session, on every instance')
      crossed = (await servedBy(t, stack, rotateId)) !== (await servedBy(t, stack, reuseId))
    }
    t.ok(crossed, 'rotated on one instance, reused on the other')
  })
})
