import { createHmac, generateKeyPairSync, sign } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Test } from 'tap'
import { encodeTokenPart as encode, type TestKey } from '../../src/testing/index.js'

// Keys, claims and well-signed tokens come from `@cp/service-kit/testing`; here are the attacks and the JWKS server
// that only the verifier's own tests need.

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
