import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import t, { type Test } from 'tap'
import type { ServiceApp } from '../../src/index.js'
import { bearer, buildGuardedApp } from './app.js'
import { customerClaims, generateTestKey, signToken } from '../../src/testing/index.js'
import { type JwksServer, signHs256WithPublicKey, signRs256, startJwksServer, unsignedToken } from './fixtures.js'

// The attacks of issue 3 ("Bad input and abuse") against a service verifying with a real JWKS endpoint.

const key = generateTestKey()
const attacker = generateTestKey()
const nowSec = () => Math.floor(Date.now() / 1000)

async function setup(t: Test): Promise<{ app: ServiceApp; jwks: JwksServer }> {
  const jwks = await startJwksServer(t, [key.jwk])
  const app = await buildGuardedApp(t, { jwksUrl: jwks.url })
  await app.ready()
  return { app, jwks }
}

t.test('each forged or unfit token is refused with 401 invalid_token, never 500', async (t) => {
  const { app } = await setup(t)
  const claims = customerClaims()
  const good = signToken(key, claims)
  const [header, payload] = good.split('.') as [string, string]
  const attacks: Array<[string, string]> = [
    ['alg none, no signature', unsignedToken(key, claims)],
    ['alg none with a signature', unsignedToken(key, claims, 'AAAA')],
    ['HS256 keyed with the public key PEM', signHs256WithPublicKey(key, claims)],
    ['RS256', signRs256(key.kid, claims)],
    ['unknown kid', signToken(attacker, claims)],
    ['jku header', signToken(attacker, claims, { jku: 'http://127.0.0.1:1/jwks.json' })],
    ['x5u header', signToken(attacker, claims, { x5u: 'http://127.0.0.1:1/cert.pem' })],
    ['embedded jwk header', signToken(attacker, claims, { jwk: attacker.jwk, kid: attacker.kid })],
    ['embedded jwk with our kid', signToken(attacker, claims, { jwk: attacker.jwk, kid: key.kid })],
    ['another key claiming our kid', signToken(attacker, claims, { kid: key.kid })],
    ['wrong aud', signToken(key, customerClaims({ aud: ['catalog'] }))],
    ['wrong iss', signToken(key, customerClaims({ iss: 'https://evil.example/v1/auth' }))],
    ['typ JWT', signToken(key, claims, { typ: 'JWT' })],
    ['typ missing', signToken(key, claims, { typ: undefined })],
    ['expired beyond the tolerance', signToken(key, customerClaims({ exp: nowSec() - 45 }))],
    ['payload swapped under a valid signature', `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url')}.${good.split('.')[2]}`],
    ['signature of another token', `${header}.${payload}.${signToken(key, customerClaims()).split('.')[2]}`],
    ['a refresh token (opaque, 256 bits)', randomBytes(32).toString('base64url')],
    ['garbage', 'abc'],
    ['two dots', '..'],
    ['four segments', `${good}.${good.split('.')[2]}`],
    ['header not JSON', `${Buffer.from('{').toString('base64url')}.${payload}.AAAA`],
  ]
  for (const [name, token] of attacks) {
    const res = await app.inject({ url: '/v1/consultants/me', headers: bearer(token) })
    t.equal(res.statusCode, 401, name)
    t.match(res.headers['www-authenticate'], /^Bearer error="invalid_token"/, `${name}: challenge`)
    t.equal(res.json().code, 'COMMON_UNAUTHORIZED', `${name}: code`)
  }
})

t.test('expired just within the 30 s tolerance is accepted', async (t) => {
  const { app } = await setup(t)
  const res = await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(key, customerClaims({ exp: nowSec() - 15 }))) })
  t.equal(res.statusCode, 200)
})

t.test('jku and x5u are never fetched', async (t) => {
  const { app, jwks } = await setup(t)
  const trap = await startJwksServer(t, [attacker.jwk])
  // A valid request first, so the start-up fetch has landed before the counts are read.
  t.equal((await app.inject({ url: '/v1/consultants/me', headers: bearer(signToken(key, customerClaims())) })).statusCode, 200)
  for (const name of ['jku', 'x5u']) {
    const token = signToken(attacker, customerClaims(), { [name]: trap.url })
    t.equal((await app.inject({ url: '/v1/consultants/me', headers: bearer(token) })).statusCode, 401)
  }
  t.equal(trap.requests(), 0, 'the URL in the token was not called')
  t.equal(jwks.requests(), 1, 'nor was our own JWKS refetched for them')
})

t.test('malformed Authorization headers', async (t) => {
  const { app } = await setup(t)
  const token = signToken(key, customerClaims())
  for (const authorization of [`Bearer  ${token}`, `bearer ${token}`, `BEARER ${token}`]) {
    t.equal((await app.inject({ url: '/v1/consultants/me', headers: { authorization } })).statusCode, 200, authorization.slice(0, 8))
  }
  for (const authorization of ['Bearer', `Bearer ${token} extra`, `Bearer "${token}"`, `Token ${token}`, token]) {
    const res = await app.inject({ url: '/v1/consultants/me', headers: { authorization } })
    t.equal(res.statusCode, 401, authorization.slice(0, 12))
  }
})

t.test('a 100 KB Authorization header through inject: refused as 401 before parsing', async (t) => {
  const { app } = await setup(t)
  const res = await app.inject({ url: '/v1/consultants/me', headers: { authorization: `Bearer ${'a'.repeat(100 * 1024)}` } })
  t.equal(res.statusCode, 401)
  t.equal(res.headers['www-authenticate'], 'Bearer error="invalid_token"')
  t.equal(res.json().code, 'COMMON_UNAUTHORIZED')
})

/** Sends a raw HTTP/1.1 request over a real socket and returns what came back before the connection ended. */
function rawRequest(port: number, authorization: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      received += chunk
      // Keep-alive answers leave the socket open; the full body is all we need.
      if (/\r\n\r\n[\s\S]*\}$/.test(received)) socket.end()
    })
    // The server may reset a connection whose request it did not read to the end; the answer came first.
    socket.on('error', (error) => (received ? resolve(received) : reject(error)))
    socket.on('close', () => resolve(received))
    socket.write(`GET /v1/consultants/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${authorization}\r\n\r\n`)
  })
}

t.test('through a real socket: 100 KB is refused by the HTTP parser (431), 10 KB by the plugin (401)', async (t) => {
  const { app } = await setup(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }

  const huge = await rawRequest(port, `Bearer ${'a'.repeat(100 * 1024)}`)
  t.match(huge, /^HTTP\/1\.1 431 /)

  const large = await rawRequest(port, `Bearer ${'a'.repeat(10 * 1024)}`)
  t.match(large, /^HTTP\/1\.1 401 /)
  t.match(large, /content-type: application\/problem\+json/i)
  t.match(large, /www-authenticate: Bearer error="invalid_token"/i)

  const ok = await rawRequest(port, `Bearer ${signToken(key, customerClaims())}`)
  t.match(ok, /^HTTP\/1\.1 200 /, 'the server still serves')
})
