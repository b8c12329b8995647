import { randomBytes } from 'node:crypto'
import { DbConfigSchema } from '@cp/db'
import { isValidTimeZone } from '@cp/domain'
import { ConfigError, type ConfigIssue, loadConfig, ServiceConfigSchema } from '@cp/service-kit'
import { type StaticDecode, Type } from '@sinclair/typebox'
import { isSupportedRegion, type CountryCode } from './lib/destination.js'
import { generateDevKeyPem, type KeySet, type KeySetConfig, loadKeySet } from './lib/keys.js'
import { MIN_PEPPER_BYTES } from './lib/otp.js'
import { MIN_WEBHOOK_SECRET_BYTES } from './lib/senders.js'

const CommaList = (defaultValue: string, description: string) =>
  Type.Transform(Type.String({ default: defaultValue, description }))
    .Decode((value) => {
      const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
      if (items.length === 0) throw new Error('must list at least one value')
      return items
    })
    .Encode((items) => items.join(','))

const PositiveInteger = (defaultValue: number, description: string) =>
  Type.Integer({ minimum: 1, default: defaultValue, description })

export const AuthConfigSchema = Type.Composite([
  ServiceConfigSchema,
  DbConfigSchema,
  Type.Object({
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3001 }),
    METRICS_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 9461 }),
    AUTH_ISSUER: Type.String({
      minLength: 1,
      default: 'http://localhost:3001',
      description:
        'The `iss` of every access token; verifiers in the other services expect exactly this value. The default (a local address) is for development and tests; production requires it to be set',
    }),
    AUTH_AUDIENCES: CommaList('auth,consultants,catalog', 'The services access tokens are good for (`aud`)'),
    AUTH_OWN_AUDIENCE: Type.String({
      minLength: 1,
      default: 'auth',
      description: 'The audience this service itself requires of a bearer token (for /me and devices)',
    }),
    AUTH_SIGNING_KEY: Type.Optional(
      Type.String({
        description:
          'PEM of the EC P-256 private key that signs access tokens. Generated on each start in development when unset; required otherwise',
      }),
    ),
    AUTH_PUBLISHED_KEYS: Type.Optional(
      Type.String({
        description:
          'Further PEM keys (public or private) published in the JWKS but not used to sign: the next key before it signs, the previous one until its tokens expire',
      }),
    ),
    AUTH_OTP_PEPPER: Type.Optional(
      Type.String({
        description: `Secret (at least ${MIN_PEPPER_BYTES} bytes) of the HMAC one-time codes and grace replies are stored under. Random per start in development when unset; required otherwise`,
      }),
    ),
    AUTH_CODE_SENDER: Type.Union([Type.Literal('log'), Type.Literal('webhook')], {
      default: 'log',
      description: 'How codes are delivered: `log` writes them to the log (development only), `webhook` posts them to a relay',
    }),
    AUTH_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', description: 'The SMS/e-mail relay' })),
    AUTH_WEBHOOK_SECRET: Type.Optional(
      Type.String({ description: `HMAC secret (at least ${MIN_WEBHOOK_SECRET_BYTES} bytes) of the x-signature header` }),
    ),
    AUTH_WEBHOOK_TIMEOUT_MS: PositiveInteger(5000, 'Time allowed for one delivery request'),
    AUTH_ACCESS_TOKEN_TTL_SECONDS: PositiveInteger(900, 'Lifetime of an access token'),
    AUTH_OTP_TTL_SECONDS: PositiveInteger(300, 'Lifetime of a one-time code'),
    AUTH_CUSTOMER_SESSION_DAYS: PositiveInteger(30, 'Absolute lifetime of a customer session'),
    AUTH_CONSULTANT_SESSION_DAYS: PositiveInteger(14, 'Absolute lifetime of a consultant session'),
    AUTH_SESSION_IDLE_DAYS: PositiveInteger(14, 'A session unused for this long can no longer refresh'),
    AUTH_REFRESH_GRACE_SECONDS: Type.Integer({
      minimum: 0,
      maximum: 60,
      default: 10,
      description: 'A rotated refresh token replayed within this time gets the same new pair (parallel tabs, retries)',
    }),
    AUTH_CLOCK_TOLERANCE_SEC: Type.Integer({
      minimum: 0,
      maximum: 300,
      default: 30,
      description:
        'The clock tolerance of token verifiers (this service and the others: set at least their largest AUTH_CLOCK_TOLERANCE_SEC); a consultant token ends this long before eligibility does',
    }),
    AUTH_JWKS_MAX_AGE: Type.Integer({ minimum: 0, default: 600, description: 'Cache-Control max-age of the JWKS' }),
    AUTH_HOUSEKEEPING_INTERVAL_SECONDS: Type.Integer({
      minimum: 0,
      maximum: 7 * 86_400,
      default: 3600,
      description:
        'Time between housekeeping passes (deleting expired codes, old OTP events, long-ended sessions, stale throttle and lock rows); 0 disables it on this instance',
    }),
    PLATFORM_TIME_ZONE: Type.String({
      default: 'Asia/Riyadh',
      description: 'IANA zone the legacy DATE columns (contracts, licenses) are days in',
    }),
    OTP_DEFAULT_REGION: Type.String({
      default: 'SA',
      description: 'Region (ISO 3166-1 alpha-2) of phone numbers written without a country code',
    }),
  }),
])

type DecodedEnv = StaticDecode<typeof AuthConfigSchema>

export type CodeSenderConfig =
  | { kind: 'log' }
  | { kind: 'webhook'; url: string; secret: string; timeoutMs: number }

/** The validated environment plus what was derived from it once: the key set, the pepper, the sender choice. */
export type AuthConfig = Omit<DecodedEnv, 'AUTH_SIGNING_KEY' | 'AUTH_PUBLISHED_KEYS' | 'AUTH_OTP_PEPPER' | 'OTP_DEFAULT_REGION'> & {
  keys: KeySet
  otpPepper: string
  sender: CodeSenderConfig
  OTP_DEFAULT_REGION: CountryCode
  /** True when the signing key or pepper were made up at start-up (development only). */
  ephemeralSecrets: boolean
}

/** Validates the environment once at start-up; every problem is reported at once, secrets never quoted. */
export function loadAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const decoded = loadConfig(AuthConfigSchema, env)
  const issues: ConfigIssue[] = []
  const development = decoded.NODE_ENV === 'development'
  const { AUTH_SIGNING_KEY, AUTH_PUBLISHED_KEYS, AUTH_OTP_PEPPER, OTP_DEFAULT_REGION, ...rest } = decoded
  let ephemeralSecrets = false

  let keys: KeySet | undefined
  if (AUTH_SIGNING_KEY === undefined && !development) {
    issues.push({ variable: 'AUTH_SIGNING_KEY', reason: 'is required outside development' })
  } else {
    if (AUTH_SIGNING_KEY === undefined) ephemeralSecrets = true
    const signingKeyPem = AUTH_SIGNING_KEY ?? generateDevKeyPem()
    // Loaded alone first so that a failure names the variable at fault; the loader never quotes key material.
    const signingOnly = tryLoadKeys(issues, 'AUTH_SIGNING_KEY', { signingKeyPem })
    if (signingOnly && AUTH_PUBLISHED_KEYS !== undefined) {
      keys = tryLoadKeys(issues, 'AUTH_PUBLISHED_KEYS', { signingKeyPem, additionalKeysPem: AUTH_PUBLISHED_KEYS })
    } else {
      keys = signingOnly
    }
  }

  let otpPepper = AUTH_OTP_PEPPER
  if (otpPepper === undefined) {
    if (development) {
      otpPepper = randomBytes(MIN_PEPPER_BYTES).toString('base64url')
      ephemeralSecrets = true
    } else {
      issues.push({ variable: 'AUTH_OTP_PEPPER', reason: 'is required outside development' })
    }
  } else if (Buffer.byteLength(otpPepper) < MIN_PEPPER_BYTES) {
    issues.push({ variable: 'AUTH_OTP_PEPPER', reason: `must be at least ${MIN_PEPPER_BYTES} bytes (value hidden)` })
  }

  let sender: CodeSenderConfig = { kind: 'log' }
  if (decoded.AUTH_CODE_SENDER === 'log') {
    if (decoded.NODE_ENV === 'production') {
      issues.push({ variable: 'AUTH_CODE_SENDER', reason: 'log writes codes to the log and is refused in production' })
    }
  } else {
    const { AUTH_WEBHOOK_URL: url, AUTH_WEBHOOK_SECRET: secret } = decoded
    if (url === undefined) issues.push({ variable: 'AUTH_WEBHOOK_URL', reason: 'is required with AUTH_CODE_SENDER=webhook' })
    if (secret === undefined || Buffer.byteLength(secret) < MIN_WEBHOOK_SECRET_BYTES) {
      issues.push({
        variable: 'AUTH_WEBHOOK_SECRET',
        reason: `must be at least ${MIN_WEBHOOK_SECRET_BYTES} bytes with AUTH_CODE_SENDER=webhook (value hidden)`,
      })
    }
    if (url !== undefined && secret !== undefined) {
      sender = { kind: 'webhook', url, secret, timeoutMs: decoded.AUTH_WEBHOOK_TIMEOUT_MS }
    }
  }

  // The default names this machine; a production token stamped with it would be refused (or, worse, accepted) by
  // verifiers configured for the real issuer, so production has no default, as in the consultants service.
  if (decoded.NODE_ENV === 'production' && (env.AUTH_ISSUER === undefined || env.AUTH_ISSUER.trim() === '')) {
    issues.push({ variable: 'AUTH_ISSUER', reason: 'is required in production (the default is a development address)' })
  }
  if (!isValidTimeZone(decoded.PLATFORM_TIME_ZONE)) {
    issues.push({ variable: 'PLATFORM_TIME_ZONE', reason: `is not an IANA time zone (got "${decoded.PLATFORM_TIME_ZONE}")` })
  }
  if (!isSupportedRegion(OTP_DEFAULT_REGION)) {
    issues.push({ variable: 'OTP_DEFAULT_REGION', reason: `is not a supported region code (got "${OTP_DEFAULT_REGION}")` })
  }
  if (!decoded.AUTH_AUDIENCES.includes(decoded.AUTH_OWN_AUDIENCE)) {
    issues.push({ variable: 'AUTH_OWN_AUDIENCE', reason: 'must be one of AUTH_AUDIENCES, or this service refuses its own tokens' })
  }

  if (issues.length > 0 || keys === undefined || otpPepper === undefined) throw new ConfigError(issues)
  return {
    ...rest,
    keys,
    otpPepper,
    sender,
    OTP_DEFAULT_REGION: OTP_DEFAULT_REGION as CountryCode,
    ephemeralSecrets,
  }
}

function tryLoadKeys(issues: ConfigIssue[], variable: string, config: KeySetConfig): KeySet | undefined {
  try {
    return loadKeySet(config)
  } catch (error) {
    issues.push({ variable, reason: error instanceof Error ? error.message : 'is invalid' })
    return undefined
  }
}
