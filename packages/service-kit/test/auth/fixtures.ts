import { createHash, createHmac, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Test } from 'tap'

// Keys and tokens built with node:crypto alone, as the auth service would make them, so these tests depend
// neither on apps/auth nor on the library under test to produce their inputs.

export const ISSUER = 'https://api.example.test/v1/auth'
export const AUDIENCE = 'consultants'

export interface TestKey {
  readonly kid: string
  readonly privateKey: KeyObject
  readonly publicKeyPem: string
  readonly jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg: 'ES256'; use: 'sig' }
}

export function generateTestKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const { x, y } = publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  const kid = createHash('sha256').update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y })).digest('base64url')
  return {
    kid,
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwk: { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' },
  }
}

const nowSec = () => Math.floor(Date.now() / 1000)

export function customerClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = nowSec()
  return {
    iss: ISSUER,
    sub: '42',
    aud: [AUDIENCE, 'catalog'],
    role: 'customer',
    sid: randomUUID(),
    jti: randomUUID(),
    iat,
    exp: iat + 900,
    ...overrides,
  }
}

export function consultantClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return customerClaims({ sub: '77', role: 'consultant', consultant_id: 9, ...overrides })
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Signs like the auth service: ES256, `typ: at+jwt`, the key's thumbprint as `kid`, unless the header says otherwise. */
export function signToken(key: TestKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const input = `${encode({ alg: 'ES256', typ: 'at+jwt', kid: key.kid, ...header })}.${encode(claims)}`
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${signature.toString('base64url')}`
}

/** The classic confusion attack: HS256 with the verifier's own public key as the HMAC secret. */
export function signHs256WithPublicKey(key: TestKey, claims: Record<string, unknown>): string {
  const input = `${encode({ alg: 'HS256', typ: 'at+jwt', kid: key.kid })}.${encode(claims)}`
  return `${input}.${createHmac('sha256', key.publicKeyPem).update(input).digest('base64url')}`
}

export function unsignedToken(key: TestKey, claims: Record<string, unknown>, signature = ''): string {
  return `${encode({ alg: 'none', typ: 'at+jwt', kid: key.kid })}.${encode(claims)}.${signature}`
}

export function signRs256(kid: string, claims: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const input = `${encode({ alg: 'RS256', typ: 'at+jwt', kid })}.${encode(claims)}`
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`
}

export interface JwksServer {
  readonly url: string
  /** Requests served so far. */
  readonly requests: () => number
  setKeys(keys: readonly unknown[]): void
  /** Replaces the handler, e.g. to answer 500 or a redirect. */
  respondWith(handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined): void
}

/** A real HTTP server on port 0 publishing a JWKS, counting the requests it gets; closed when the test ends. */
export async function startJwksServer(t: Test, keys: readonly unknown[]): Promise<JwksServer> {
  let published = keys
  let count = 0
  let override: ((req: IncomingMessage, res: ServerResponse) => void) | undefined
  const server = createServer((req, res) => {
    count += 1
    if (override) return override(req, res)
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=600' })
    res.end(JSON.stringify({ keys: published }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1/auth/.well-known/jwks.json`,
    requests: () => count,
    setKeys: (next) => {
      published = next
    },
    respondWith: (handler) => {
      override = handler
    },
  }
}

/** A URL nothing listens on: a port that was just free. */
export async function deadUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/v1/auth/.well-known/jwks.json`
}
