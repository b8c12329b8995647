import { Type } from '@sinclair/typebox'
import t from 'tap'
import { authOptionsFromConfig, AuthVerifierConfigSchema, ConfigError, loadConfig, ServiceConfigSchema } from '../../src/index.js'
import { generateTestKey, TEST_ISSUER } from '../../src/testing/index.js'

const Schema = Type.Composite([
  ServiceConfigSchema,
  AuthVerifierConfigSchema,
  Type.Object({ PORT: Type.Integer({ default: 3002 }), METRICS_PORT: Type.Integer({ default: 0 }) }),
])
const load = (env: Record<string, string>) => loadConfig(Schema, { AUTH_ISSUER: TEST_ISSUER, ...env })
const key = generateTestKey()

function issuesOf(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error instanceof ConfigError ? error.issues : error
  }
  return 'did not throw'
}

t.test('composes with the service config; the tolerance defaults to 30 s', async (t) => {
  const config = load({ AUTH_JWKS_URL: 'http://auth:3001/v1/auth/.well-known/jwks.json' })
  t.equal(config.AUTH_CLOCK_TOLERANCE_SEC, 30)
  t.same(authOptionsFromConfig(config, 'consultants'), {
    issuer: TEST_ISSUER,
    audience: 'consultants',
    clockToleranceSec: 30,
    jwksUrl: 'http://auth:3001/v1/auth/.well-known/jwks.json',
  })
  const pem = authOptionsFromConfig(load({ AUTH_PUBLIC_KEY_PEM: key.publicKeyPem, AUTH_CLOCK_TOLERANCE_SEC: '5' }), 'catalog', {
    fetchTimeoutMs: 1000,
  })
  t.match(pem, { publicKeyPem: key.publicKeyPem, clockToleranceSec: 5, audience: 'catalog', fetchTimeoutMs: 1000 })
  t.notOk('jwksUrl' in pem)
})

t.test('bad values are reported at start-up, secrets hidden', async (t) => {
  t.throws(() => load({ AUTH_JWKS_URL: 'auth:3001/jwks' }), ConfigError)
  t.throws(() => load({ AUTH_JWKS_URL: 'http://a', AUTH_CLOCK_TOLERANCE_SEC: '30000' }), /AUTH_CLOCK_TOLERANCE_SEC/)
  t.throws(() => loadConfig(Schema, { AUTH_JWKS_URL: 'http://a' }), /AUTH_ISSUER: is required/)
})

t.test('exactly one key source, and a PEM that holds a usable key', async (t) => {
  t.match(issuesOf(() => authOptionsFromConfig(load({}), 'catalog')), [
    { variable: 'AUTH_JWKS_URL', reason: /set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM/ },
  ])
  t.throws(() => authOptionsFromConfig(load({ AUTH_JWKS_URL: 'http://a', AUTH_PUBLIC_KEY_PEM: key.publicKeyPem }), 'catalog'), /only one/)
  const priv = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  t.match(issuesOf(() => authOptionsFromConfig(load({ AUTH_PUBLIC_KEY_PEM: priv }), 'catalog')), [
    { variable: 'AUTH_PUBLIC_KEY_PEM', reason: /only PUBLIC KEY blocks/ },
  ])
})
