// What clients do, through the proxy only, with the typed client generated from the services' OpenAPI documents:
// a customer's day and a consultant's profile change, on two instances of each service behind the real nginx.
import { randomUUID } from 'node:crypto'
import { SEED_PASSWORD } from '@cp/db/seed'
import t from 'tap'
import { apiClients, bearer } from '../src/clients.js'
import { startStack } from '../src/stack.js'

const CUSTOMER_PHONE = '+966500000001'
const CONSULTANT_EMAIL = 'eligible.consultant@seed.test'

t.test('the system through the proxy', async (t) => {
  const stack = await startStack(t)
  const api = apiClients(stack.proxyUrl)

  t.test('a customer signs in by one-time code, reads /me, browses, refreshes and logs out', async (t) => {
    const requested = await api.auth.POST('/v1/auth/otp/request', { body: { destination: CUSTOMER_PHONE } })
    t.equal(requested.response.status, 202)
    const code = await stack.relay.codeFor(CUSTOMER_PHONE)

    const verified = await api.auth.POST('/v1/auth/otp/verify', { body: { destination: CUSTOMER_PHONE, code } })
    t.equal(verified.response.status, 200)
    const pair = verified.data
    if (!pair) throw new Error('no token pair')
    t.equal(pair.tokenType, 'Bearer')

    const me = await api.auth.GET('/v1/auth/me', { headers: bearer(pair.accessToken) })
    t.equal(me.response.status, 200)
    t.equal(me.data?.phone, CUSTOMER_PHONE, 'the profile of the account that signed in')

    const list = await api.consultants.GET('/v1/consultants', { params: { query: { pageSize: 5 } } })
    t.equal(list.response.status, 200)
    const first = list.data?.items[0]
    if (!first) throw new Error('the seed has bookable consultants')
    const detail = await api.consultants.GET('/v1/consultants/{id}', { params: { path: { id: String(first.id) } } })
    t.equal(detail.response.status, 200)
    t.equal(detail.data?.id, first.id)

    const categories = await api.catalog.GET('/v1/catalog/consultation-categories', {
      headers: { 'accept-language': 'ar' },
    })
    t.equal(categories.response.status, 200)
    t.ok((categories.data?.items.length ?? 0) > 0, 'active categories are listed')
    t.equal(categories.response.headers.get('content-language'), 'ar')

    const refreshed = await api.auth.POST('/v1/auth/token/refresh', { body: { refreshToken: pair.refreshToken } })
    t.equal(refreshed.response.status, 200)
    const next = refreshed.data
    if (!next) throw new Error('no new pair')
    t.not(next.refreshToken, pair.refreshToken, 'the refresh token rotates')

    const logout = await api.auth.POST('/v1/auth/logout', { headers: bearer(next.accessToken) })
    t.equal(logout.response.status, 204)
    const afterLogout = await api.auth.POST('/v1/auth/token/refresh', { body: { refreshToken: next.refreshToken } })
    t.equal(afterLogout.response.status, 401, 'the ended session cannot refresh')
    t.equal(afterLogout.response.headers.get('content-type'), 'application/problem+json; charset=utf-8')
  })

  t.test('a consultant signs in and updates their profile', async (t) => {
    const signIn = await api.auth.POST('/v1/auth/password/sign-in', {
      body: { login: CONSULTANT_EMAIL, password: SEED_PASSWORD, role: 'consultant' },
    })
    t.equal(signIn.response.status, 200)
    const token = signIn.data?.accessToken
    if (!token) throw new Error('no access token')

    const bioEn = `Bio written through the proxy ${randomUUID()}`
    const patched = await api.consultants.PATCH('/v1/consultants/me', { headers: bearer(token), body: { bioEn, online: true } })
    t.equal(patched.response.status, 200)
    t.equal(patched.data?.bios.en, bioEn)

    // Read back on whichever instance answers: both read the same database.
    for (let i = 0; i < 2; i++) {
      const own = await api.consultants.GET('/v1/consultants/me', { headers: bearer(token) })
      t.equal(own.response.status, 200)
      t.equal(own.data?.bios.en, bioEn)
      t.equal(own.data?.online, true)
    }
  })

  t.test('the client X-Request-ID comes back and is in the log of the instance that served it', async (t) => {
    const requestId = `e2e-${randomUUID()}`
    const answer = await api.catalog.GET('/v1/catalog/service-categories', { headers: { 'x-request-id': requestId } })
    t.equal(answer.response.status, 200)
    t.equal(answer.response.headers.get('x-request-id'), requestId)
    const servers = await stack.servedBy(requestId)
    t.equal(servers.length, 1, 'exactly one instance served it')
    t.equal(servers[0]?.service, 'catalog')
    t.ok(stack.accessLog().some((entry) => entry.requestId === requestId), 'the proxy logged the same id')

    // An id that is not a plain token is replaced by one the proxy makes, and the service keeps that one.
    const bad = await api.catalog.GET('/v1/catalog/service-categories', { headers: { 'x-request-id': 'a b"c' } })
    const replaced = bad.response.headers.get('x-request-id') ?? ''
    t.match(replaced, /^[0-9a-f]{32}$/)
    t.equal((await stack.servedBy(replaced)).length, 1)
  })
})
