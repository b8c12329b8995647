import { Type } from '@sinclair/typebox'
import t from 'tap'
import { ConfigError, loadConfig, ServiceConfigSchema } from '../../src/index.js'

const AppConfigSchema = Type.Composite([
  ServiceConfigSchema,
  Type.Object({
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3003 }),
    METRICS_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 9463 }),
    DATABASE_URL: Type.String({ pattern: '^mysql://' }),
    JWT_PRIVATE_KEY: Type.String({ minLength: 100 }),
    FEATURE_FLAG: Type.Boolean({ default: false }),
  }),
])

const valid = { DATABASE_URL: 'mysql://app:pw@db/test', JWT_PRIVATE_KEY: 'k'.repeat(100) }

t.test('defaults, coercion and the service default port', async (t) => {
  const config = loadConfig(AppConfigSchema, { ...valid, RATE_LIMIT_MAX: '50', FEATURE_FLAG: 'true', UNRELATED: 'x' })
  t.same(config, {
    ...valid,
    NODE_ENV: 'development',
    HOST: '0.0.0.0',
    PORT: 3003,
    METRICS_PORT: 9463,
    LOG_LEVEL: 'info',
    TRUST_PROXY: ['127.0.0.1', '::1'],
    RATE_LIMIT_MAX: 50,
    RATE_LIMIT_WINDOW: 60_000,
    CONTENT_URL: 'http://localhost:8080/media',
    SHUTDOWN_TIMEOUT_MS: 10_000,
    FEATURE_FLAG: true,
  })
  t.equal(loadConfig(AppConfigSchema, { ...valid, PORT: '8080' }).PORT, 8080)
  t.equal(loadConfig(AppConfigSchema, { ...valid, PORT: '' }).PORT, 3003, 'an empty variable is unset')
})

t.test('the base schema alone has no default ports', async (t) => {
  t.throws(() => loadConfig(ServiceConfigSchema, {}), {
    name: 'ConfigError',
    issues: [
      { variable: 'PORT', reason: 'is required' },
      { variable: 'METRICS_PORT', reason: 'is required' },
    ],
  })
})

t.test('every bad variable is listed with its reason, secrets without their value', async (t) => {
  let error: unknown
  try {
    loadConfig(AppConfigSchema, {
      PORT: 'eighty',
      NODE_ENV: 'staging',
      RATE_LIMIT_MAX: '0',
      DATABASE_URL: 'postgres://app:db-password-123@db/x',
      JWT_PRIVATE_KEY: 'short-secret-key',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'loud',
    })
  } catch (e) {
    error = e
  }
  t.ok(error instanceof ConfigError)
  const configError = error as ConfigError
  t.same(configError.issues.map((i) => i.variable).sort(), [
    'DATABASE_URL',
    'JWT_PRIVATE_KEY',
    'LOG_LEVEL',
    'NODE_ENV',
    'PORT',
    'RATE_LIMIT_MAX',
    'TRUST_PROXY',
  ])
  t.match(configError.message, /PORT: .*"eighty"/, 'plain values are shown to help the operator')
  t.match(configError.message, /RATE_LIMIT_MAX: expected integer to be greater or equal to 1/i)
  t.match(configError.message, /LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/)
  t.match(configError.message, /TRUST_PROXY: must be IP addresses or CIDR ranges/)
  t.match(configError.message, /DATABASE_URL: .*\(value hidden\)/)
  t.notMatch(configError.message, /db-password-123|short-secret-key/)
})

t.test('a missing required variable is reported as required', async (t) => {
  t.throws(() => loadConfig(AppConfigSchema, { JWT_PRIVATE_KEY: valid.JWT_PRIVATE_KEY }), {
    name: 'ConfigError',
    issues: [{ variable: 'DATABASE_URL', reason: 'is required' }],
  })
})

t.test('TRUST_PROXY takes addresses and ranges, never everyone', async (t) => {
  const load = (TRUST_PROXY: string) => loadConfig(AppConfigSchema, { ...valid, TRUST_PROXY })
  t.same(load('10.0.0.0/8, 172.18.0.2,fd00::/8').TRUST_PROXY, ['10.0.0.0/8', '172.18.0.2', 'fd00::/8'])
  t.same(load('loopback').TRUST_PROXY, ['loopback'])
  t.same(load('none').TRUST_PROXY, [])
  for (const refused of ['true', '1', '2', '0.0.0.0/0', '::/0', '10.0.0.0/33', 'proxy.local']) {
    t.throws(() => load(refused), { name: 'ConfigError', issues: [{ variable: 'TRUST_PROXY' }] }, refused)
  }
})

t.test('RATE_LIMIT_WINDOW is a readable duration, decoded to milliseconds', async (t) => {
  const load = (RATE_LIMIT_WINDOW: string) => loadConfig(AppConfigSchema, { ...valid, RATE_LIMIT_WINDOW }).RATE_LIMIT_WINDOW
  t.equal(load('30 seconds'), 30_000)
  t.equal(load('2h'), 7_200_000)
  t.equal(load('1500'), 1500)
  t.throws(() => load('soon'), { name: 'ConfigError', issues: [{ variable: 'RATE_LIMIT_WINDOW' }] })
})
