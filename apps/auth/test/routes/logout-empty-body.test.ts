import type { AddressInfo } from 'node:net'
import t from 'tap'
import { bearer, buildTestAuth, signInWithSeedPassword } from '../helpers/app.js'

const { app } = await buildTestAuth(t)
await app.listen({ host: '127.0.0.1', port: 0 })
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

const refresh = (refreshToken: string) =>
  app.inject({ method: 'POST', url: '/v1/auth/token/refresh', payload: { refreshToken } })

/** What `fetch` sends when a client sets `Content-Type: application/json` on every request: no body at all. */
const postWithJsonTypeAndNoBody = (path: string, accessToken: string) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(accessToken) },
  })

t.test('logout with Content-Type: application/json and an empty body ends the session', async (t) => {
  const signedIn = await signInWithSeedPassword(app, 'active.customer@seed.test')
  const out = await postWithJsonTypeAndNoBody('/v1/auth/logout', signedIn.accessToken)
  t.equal(out.status, 204, await out.text())
  t.equal((await refresh(signedIn.refreshToken)).json().code, 'AUTH_SESSION_ENDED', 'the session really ended')
  t.equal((await app.inject({ url: '/v1/auth/me', headers: bearer(signedIn.accessToken) })).statusCode, 401)
})

t.test('logout/all with Content-Type: application/json and an empty body ends every session', async (t) => {
  const first = await signInWithSeedPassword(app, 'active.customer@seed.test')
  const second = await signInWithSeedPassword(app, 'active.customer@seed.test')
  const out = await postWithJsonTypeAndNoBody('/v1/auth/logout/all', second.accessToken)
  t.equal(out.status, 204, await out.text())
  for (const session of [first, second]) {
    t.equal((await refresh(session.refreshToken)).json().code, 'AUTH_SESSION_ENDED', session.sessionId)
  }
})

t.test('routes that take a body still refuse an empty one', async (t) => {
  const res = await fetch(`${origin}/v1/auth/token/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' } })
  t.equal(res.status, 400)
  t.match(await res.json(), { code: 'COMMON_BAD_REQUEST' })
})
