import t, { type Test } from 'tap'
import { bearer, buildTestAuth, signInWithSeedPassword } from '../helpers/app.js'

const { app, prisma, clock } = await buildTestAuth(t)
const RUNS = 30

const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/v1/auth/token/refresh', payload: { refreshToken } })
const logout = (accessToken: string) => app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(accessToken) })
const me = (accessToken: string) => app.inject({ url: '/v1/auth/me', headers: bearer(accessToken) })

/** A pair handed out in a race with the end of its session must be dead afterwards, like the session. */
async function assertDead(t: Test, pair: { accessToken: string; refreshToken: string }, label: string) {
  const again = await refresh(pair.refreshToken)
  t.equal(again.statusCode, 401, `${label}: its refresh token no longer refreshes`)
  t.equal((await me(pair.accessToken)).statusCode, 401, `${label}: its access token no longer works here`)
}

/** A rotation that slipped in after a revoke would leave a sealed grace pair that the revoke had cleared. */
async function sealedPairsOfEndedSessions(sessionIds: string[]) {
  return prisma.authRefreshToken.count({
    where: { sessionId: { in: sessionIds }, graceResponse: { not: null } },
  })
}

t.test('logout racing a refresh: the session ends, and nothing the race handed out works afterwards', async (t) => {
  const sessionIds: string[] = []
  const outcomes: Record<string, number> = {}
  for (let run = 0; run < RUNS; run++) {
    const signedIn = await signInWithSeedPassword(app, 'active.customer@seed.test')
    sessionIds.push(signedIn.sessionId)
    const [out, refreshed] = await Promise.all([logout(signedIn.accessToken), refresh(signedIn.refreshToken)])
    t.equal(out.statusCode, 204, `run ${run}: logout`)
    outcomes[refreshed.statusCode] = (outcomes[refreshed.statusCode] ?? 0) + 1
    if (refreshed.statusCode === 200) await assertDead(t, refreshed.json(), `run ${run}`)
    else t.equal(refreshed.json().code, 'AUTH_SESSION_ENDED', `run ${run}: a refresh after the logout is told so`)
  }
  t.comment(`refresh outcomes: ${JSON.stringify(outcomes)}`)
  const ended = await prisma.authSession.count({ where: { id: { in: sessionIds }, revokedAt: null } })
  t.equal(ended, 0, 'every session ended')
  t.equal(await sealedPairsOfEndedSessions(sessionIds), 0, 'no rotation committed after a revoke')
})

t.test('a reuse-triggered revoke racing a legitimate refresh: the family dies, whatever wins', async (t) => {
  const sessionIds: string[] = []
  for (let run = 0; run < RUNS / 2; run++) {
    const signedIn = await signInWithSeedPassword(app, 'active.customer@seed.test')
    sessionIds.push(signedIn.sessionId)
    const current = (await refresh(signedIn.refreshToken)).json()
    clock.advance(11_000) // past the grace period: presenting the first token again is reuse
    const [reuse, legit] = await Promise.all([refresh(signedIn.refreshToken), refresh(current.refreshToken)])
    t.equal(reuse.statusCode, 401, `run ${run}: reuse`)
    if (legit.statusCode === 200) await assertDead(t, legit.json(), `run ${run}`)
    else t.equal(legit.statusCode, 401, `run ${run}: the legitimate refresh lost`)
  }
  t.equal(await prisma.authSession.count({ where: { id: { in: sessionIds }, revokedAt: null } }), 0, 'every family ended')
  t.equal(await sealedPairsOfEndedSessions(sessionIds), 0, 'no rotation committed after a revoke')
})
