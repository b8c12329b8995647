import { once } from 'node:events'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { createJwksKeySource, type JwksKeySourceOptions } from '../../src/auth/key-source.js'
import { generateTestKey } from '../../src/testing/index.js'
import { deadUrl, startJwksServer } from './fixtures.js'

const first = generateTestKey()
const second = generateTestKey()

function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => void (now += ms) }
}

function source(t: Test, options: JwksKeySourceOptions) {
  const keys = createJwksKeySource({ fetchTimeoutMs: 1000, ...options })
  t.teardown(() => keys.close())
  return keys
}

t.test('keys are fetched once and served from the cache until the TTL', async (t) => {
  const jwks = await startJwksServer(t, [first.jwk])
  const time = clock()
  const keys = source(t, { url: jwks.url, now: time.now, cacheTtlMs: 600_000 })
  t.match(await keys.lookup(first.kid), { status: 'found', key: { kid: first.kid } })
  t.match(await keys.lookup(first.kid), { status: 'found' })
  t.equal(jwks.requests(), 1)
  time.advance(600_000)
  t.match(await keys.lookup(first.kid), { status: 'found' })
  t.equal(jwks.requests(), 2, 'fetched again once the TTL is over')
})

t.test('concurrent lookups share one fetch', async (t) => {
  const jwks = await startJwksServer(t, [first.jwk])
  const keys = source(t, { url: jwks.url })
  const results = await Promise.all(Array.from({ length: 20 }, () => keys.lookup(first.kid)))
  t.ok(results.every((r) => r.status === 'found'))
  t.equal(jwks.requests(), 1)
})

t.test('unknown kids refetch at most once per interval', async (t) => {
  const jwks = await startJwksServer(t, [first.jwk])
  const time = clock()
  const keys = source(t, { url: jwks.url, now: time.now, minRefetchIntervalMs: 30_000 })
  await keys.warmUp()
  t.equal(jwks.requests(), 1)

  // A flood of made-up kids right after the load: no request at all.
  for (let i = 0; i < 50; i++) t.same(await keys.lookup(`random-${i}`), { status: 'unknown' })
  t.equal(jwks.requests(), 1, 'no refetch within 30 s of the last fetch')

  // The auth service publishes a new key; the first unknown kid after the interval picks it up.
  jwks.setKeys([first.jwk, second.jwk])
  time.advance(29_999)
  t.same(await keys.lookup(second.kid), { status: 'unknown' }, 'still inside the interval')
  t.equal(jwks.requests(), 1)
  time.advance(1)
  t.match(await keys.lookup(second.kid), { status: 'found' })
  t.equal(jwks.requests(), 2)
  await Promise.all(Array.from({ length: 20 }, (_, i) => keys.lookup(`flood-${i}`)))
  t.equal(jwks.requests(), 2, 'the refetch starts a new interval')
})

t.test('a key the JWKS stops publishing is dropped at the next fetch; the same key keeps its object', async (t) => {
  const jwks = await startJwksServer(t, [first.jwk, second.jwk])
  const time = clock()
  const keys = source(t, { url: jwks.url, now: time.now, cacheTtlMs: 60_000 })
  const before = await keys.lookup(first.kid)
  jwks.setKeys([first.jwk])
  time.advance(60_000)
  const after = await keys.lookup(first.kid)
  t.equal(after.status === 'found' && before.status === 'found' && after.key === before.key, true)
  t.same(await keys.lookup(second.kid), { status: 'unknown' })
})

t.test('a failed refresh keeps the keys held', async (t) => {
  const jwks = await startJwksServer(t, [first.jwk])
  const time = clock()
  const warnings: string[] = []
  const log = { info: () => {}, warn: (_: object, msg: string) => void warnings.push(msg) }
  const keys = source(t, { url: jwks.url, now: time.now, cacheTtlMs: 60_000, log })
  await keys.warmUp()
  jwks.respondWith((_req, res) => res.writeHead(500).end())
  time.advance(60_000)
  t.match(await keys.lookup(first.kid), { status: 'found' }, 'stale keys still verify')
  t.equal(jwks.requests(), 2)
  t.match(warnings, [/keeping the keys held/])
  t.same(await keys.lookup('other'), { status: 'unknown' })
  t.equal(jwks.requests(), 2, 'a failure counts as an attempt for the interval')
})

t.test('no key ever loaded: unavailable, with the seconds until the next attempt', async (t) => {
  const time = clock()
  const keys = source(t, { url: await deadUrl(), now: time.now, minRefetchIntervalMs: 30_000 })
  t.same(await keys.lookup(first.kid), { status: 'unavailable', retryAfterSec: 5 })
  time.advance(2_500)
  t.same(await keys.lookup(first.kid), { status: 'unavailable', retryAfterSec: 3 }, 'no new attempt yet')
})

t.test('documents that are not a usable JWKS are refused as a whole', async (t) => {
  const big = JSON.stringify({ keys: [first.jwk], padding: 'x'.repeat(70_000) })
  const answers: Array<[string, (res: ServerResponse) => void]> = [
    ['not JSON', (res) => res.end('nope')],
    ['no keys array', (res) => res.end('{"keys":{}}')],
    ['only unusable keys', (res) => res.end(JSON.stringify({ keys: [{ ...first.jwk, alg: 'RS256' }, { ...first.jwk, crv: 'P-384' }] }))],
    ['too large, declared', (res) => res.end(big)],
    ['too large, chunked', (res) => {
      for (let i = 0; i < big.length; i += 8192) res.write(big.slice(i, i + 8192))
      res.end()
    }],
    ['a 404', (res) => res.writeHead(404).end(JSON.stringify({ keys: [first.jwk] }))],
  ]
  for (const [name, answer] of answers) {
    const jwks = await startJwksServer(t, [])
    jwks.respondWith((_req, res) => answer(res))
    const keys = source(t, { url: jwks.url })
    t.match(await keys.lookup(first.kid), { status: 'unavailable' }, name)
  }
})

t.test('a redirect is not followed, even to a valid JWKS', async (t) => {
  const elsewhere = await startJwksServer(t, [first.jwk])
  const jwks = await startJwksServer(t, [])
  jwks.respondWith((_req, res) => res.writeHead(302, { location: elsewhere.url }).end())
  const keys = source(t, { url: jwks.url })
  t.match(await keys.lookup(first.kid), { status: 'unavailable' })
  t.equal(elsewhere.requests(), 0)
})

t.test('members that are not ES256 P-256 signing keys are ignored, the rest used', async (t) => {
  const jwks = await startJwksServer(t, [
    { ...second.jwk, alg: undefined },
    { ...second.jwk, kid: 'enc', use: 'enc' },
    { ...second.jwk, kid: 'private', d: 'AAAA' },
    { ...second.jwk, kid: 'bad-point', x: first.jwk.y },
    { kty: 'RSA', kid: 'rsa', alg: 'RS256', n: 'AQAB', e: 'AQAB' },
    first.jwk,
  ])
  const keys = source(t, { url: jwks.url })
  t.match(await keys.lookup(first.kid), { status: 'found' })
  for (const kid of [second.kid, 'enc', 'private', 'bad-point', 'rsa']) {
    t.same(await keys.lookup(kid), { status: 'unknown' }, kid)
  }
})

t.test('a JWKS endpoint that never answers is cut at the timeout', async (t) => {
  const server = createServer(() => {}) // accepts and stays silent
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(() => {
    server.closeAllConnections()
    server.close()
  })
  const { port } = server.address() as AddressInfo
  const keys = source(t, { url: `http://127.0.0.1:${port}/jwks.json`, fetchTimeoutMs: 200 })
  t.match(await keys.lookup(first.kid), { status: 'unavailable' })
})
