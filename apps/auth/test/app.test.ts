import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { buildAuthApp } from '../src/app.js'
import { loadAuthConfig } from '../src/config.js'
import { generateDevKeyPem, loadKeySet } from '../src/lib/keys.js'
import { signWebhookBody } from '../src/lib/senders.js'
import { bearer, buildTestAuth, signInWithSeedPassword, TEST_PEPPER } from './helpers/app.js'

const base = { NODE_ENV: 'test', AUTH_OTP_PEPPER: TEST_PEPPER } as const

t.test('the OpenAPI document is valid and documents every response of every route', async (t) => {
  const { app } = await buildTestAuth(t, { seed: false })
  const res = await app.inject({ url: '/docs/auth/openapi.json' })
  t.equal(res.statusCode, 200)
  const doc = res.json()
  const result = await new Validator().validate(doc)
  t.same(result.errors ?? [], [], 'validated by an independent OpenAPI validator')
  const paths = doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>
  t.same(Object.keys(paths).sort(), [
    '/v1/auth/.well-known/jwks.json',
    '/v1/auth/devices/current',
    '/v1/auth/logout',
    '/v1/auth/logout/all',
    '/v1/auth/me',
    '/v1/auth/otp/request',
    '/v1/auth/otp/verify',
    '/v1/auth/password/sign-in',
    '/v1/auth/token/refresh',
  ])
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const codes = Object.keys(operation.responses)
      for (const code of ['400', '429', '500']) t.ok(codes.includes(code), `${method} ${path} documents ${code}`)
    }
  }
  t.ok(paths['/v1/auth/me']!.get!.responses['401'], '/me documents 401')
  t.match(String((paths['/v1/auth/password/sign-in']!.post!.responses['403'] as { description: string }).description), /AUTH_CONSULTANT_LICENSE_EXPIRED/)
})

t.test('every route with a body documents 413 and 415, and really answers them', async (t) => {
  const { app } = await buildTestAuth(t)
  const { accessToken } = await signInWithSeedPassword(app, 'active.customer@seed.test')
  const doc = (await app.inject({ url: '/docs/auth/openapi.json' })).json()
  type Operation = { requestBody?: unknown; security?: unknown[]; responses: Record<string, { description?: string }> }
  const paths = doc.paths as Record<string, Record<string, Operation>>
  const withBody = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([, operation]) => operation.requestBody !== undefined).map(([method, operation]) => ({ path, method, operation })),
  )
  t.same(
    withBody.map(({ method, path }) => `${method} ${path}`).sort(),
    ['post /v1/auth/otp/request', 'post /v1/auth/otp/verify', 'post /v1/auth/password/sign-in', 'post /v1/auth/token/refresh', 'put /v1/auth/devices/current'],
    'the routes with a body',
  )
  for (const { path, method, operation } of withBody) {
    const route = `${method} ${path}`
    t.match(operation.responses['413']?.description, /COMMON_PAYLOAD_TOO_LARGE/, `${route} documents 413`)
    t.match(operation.responses['415']?.description, /COMMON_UNSUPPORTED_MEDIA_TYPE/, `${route} documents 415`)
    const headers = operation.security?.length ? bearer(accessToken) : {}
    const send = (payload: string, contentType: string) =>
      app.inject({ method: method.toUpperCase() as 'POST' | 'PUT', url: path, payload, headers: { ...headers, 'content-type': contentType } })
    const tooLarge = await send(JSON.stringify({ padding: 'x'.repeat(200 * 1024) }), 'application/json')
    t.equal(tooLarge.statusCode, 413, `${route} answers 413`)
    t.equal(tooLarge.json().code, 'COMMON_PAYLOAD_TOO_LARGE')
    const xml = await send('<destination>a@example.com</destination>', 'application/xml')
    t.equal(xml.statusCode, 415, `${route} answers 415`)
    t.equal(xml.json().code, 'COMMON_UNSUPPORTED_MEDIA_TYPE')
  }
})

t.test('the JWKS publishes the public keys, cacheable for 10 minutes', async (t) => {
  const next = generateDevKeyPem()
  const { app, config } = await buildTestAuth(t, { seed: false, env: { AUTH_PUBLISHED_KEYS: next } })
  const res = await app.inject({ url: '/v1/auth/.well-known/jwks.json' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'public, max-age=600')
  const { keys } = res.json()
  t.equal(keys.length, 2, 'the signing key and the published next key')
  t.equal(keys[0].kid, config.keys.active.kid, 'the signing key first')
  t.equal(keys[1].kid, loadKeySet({ signingKeyPem: next }).active.kid)
  for (const key of keys) {
    t.same(Object.keys(key).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'], 'public members only')
    t.equal(key.alg, 'ES256')
  }
})

t.test('ready with a database', async (t) => {
  const { app } = await buildTestAuth(t, { seed: false })
  t.equal((await app.inject({ url: '/health/ready' })).statusCode, 200)
})

t.test('configuration: keys and pepper are required outside development, generated in development', async (t) => {
  t.throws(() => loadAuthConfig({ NODE_ENV: 'production', AUTH_CODE_SENDER: 'webhook' }), /AUTH_SIGNING_KEY: is required outside development/)
  t.throws(() => loadAuthConfig({ NODE_ENV: 'test' }), /AUTH_OTP_PEPPER: is required outside development/)
  const dev = loadAuthConfig({ NODE_ENV: 'development' })
  t.equal(dev.ephemeralSecrets, true)
  t.match(dev.keys.active.kid, /^[A-Za-z0-9_-]{43}$/)
  t.ok(Buffer.byteLength(dev.otpPepper) >= 32)
  t.equal(dev.PLATFORM_TIME_ZONE, 'Asia/Riyadh')
  t.equal(dev.OTP_DEFAULT_REGION, 'SA')
  t.equal(dev.AUTH_ACCESS_TOKEN_TTL_SECONDS, 900)
  t.same(dev.sender, { kind: 'log' })
})

t.test('configuration: bad values are named, secrets never quoted', async (t) => {
  const key = generateDevKeyPem()
  const error = t.throws(() =>
    loadAuthConfig({ ...base, AUTH_SIGNING_KEY: 'not a pem', AUTH_OTP_PEPPER: 'short-secret', PLATFORM_TIME_ZONE: 'Mars/Base', OTP_DEFAULT_REGION: 'XX' }),
  ) as Error
  t.match(error.message, /AUTH_SIGNING_KEY: The signing key must be exactly one PEM private key/)
  t.match(error.message, /AUTH_OTP_PEPPER: must be at least 32 bytes/)
  t.notMatch(error.message, /short-secret/)
  t.match(error.message, /PLATFORM_TIME_ZONE/)
  t.match(error.message, /OTP_DEFAULT_REGION/)
  t.throws(() => loadAuthConfig({ ...base, AUTH_SIGNING_KEY: key, AUTH_PUBLISHED_KEYS: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }), /AUTH_PUBLISHED_KEYS/)
  t.throws(() => loadAuthConfig({ ...base, AUTH_SIGNING_KEY: key, NODE_ENV: 'production' }), /AUTH_CODE_SENDER: log writes codes to the log/)
  t.throws(() => loadAuthConfig({ ...base, AUTH_SIGNING_KEY: key, AUTH_CODE_SENDER: 'webhook' }), /AUTH_WEBHOOK_URL: is required/)
  t.throws(() => loadAuthConfig({ ...base, AUTH_SIGNING_KEY: key, AUTH_OWN_AUDIENCE: 'elsewhere' }), /AUTH_OWN_AUDIENCE/)
  const webhook = loadAuthConfig({
    ...base,
    AUTH_SIGNING_KEY: key,
    AUTH_CODE_SENDER: 'webhook',
    AUTH_WEBHOOK_URL: 'https://relay.example.test/codes',
    AUTH_WEBHOOK_SECRET: 'w'.repeat(32),
  })
  t.same(webhook.sender, { kind: 'webhook', url: 'https://relay.example.test/codes', secret: 'w'.repeat(32), timeoutMs: 5000 })
})

t.test('503, not 500, while the database is unreachable', async (t) => {
  const config = loadAuthConfig({
    ...base,
    AUTH_SIGNING_KEY: generateDevKeyPem(),
    DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere',
    DB_CONNECT_TIMEOUT_MS: '300',
    DB_ACQUIRE_TIMEOUT_MS: '300',
    DB_HEALTH_TIMEOUT_MS: '300',
  })
  const app = await buildAuthApp({ config, logger: false })
  t.teardown(() => app.close())
  await app.ready()
  t.equal((await app.inject({ url: '/health/ready' })).statusCode, 503)
  t.equal((await app.inject({ url: '/v1/auth/.well-known/jwks.json' })).statusCode, 200, 'the JWKS needs no database')
  const signIn = await app.inject({
    method: 'POST',
    url: '/v1/auth/password/sign-in',
    payload: { login: 'someone@example.com', password: 'secret' },
  })
  t.equal(signIn.statusCode, 503)
  t.ok(signIn.headers['retry-after'])
})

t.test('AUTH_CODE_SENDER=webhook posts each code, signed, to the configured relay', async (t) => {
  const received: Array<{ body: string; signature: string | undefined }> = []
  const relay = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['x-signature'] as string | undefined })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => relay.close(() => resolve())))
  const secret = 'relay-secret-0123456789-abcdefghijkl'
  const { app } = await buildTestAuth(t, {
    seed: false,
    configuredSender: true,
    env: {
      AUTH_CODE_SENDER: 'webhook',
      AUTH_WEBHOOK_URL: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/codes`,
      AUTH_WEBHOOK_SECRET: secret,
    },
  })
  const res = await app.inject({ method: 'POST', url: '/v1/auth/otp/request', payload: { destination: 'Relay@Example.com' } })
  t.equal(res.statusCode, 202)
  await app.close() // waits for the delivery in flight
  t.equal(received.length, 1)
  const message = JSON.parse(received[0]!.body)
  t.match(message, { channel: 'email', destination: 'relay@example.com', purpose: 'sign-in:customer', locale: 'en' })
  t.match(message.code, /^[0-9]{6}$/)
  t.equal(received[0]!.signature, signWebhookBody(secret, received[0]!.body))
})
