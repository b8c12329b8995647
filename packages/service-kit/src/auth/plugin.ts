import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type AppError, commonError } from '../errors/app-error.js'
import {
  type AccessTokenVerifier,
  type AuthContext,
  type ConsultantAuthContext,
  createAccessTokenVerifier,
  type TokenRejection,
} from './access-token.js'
import { readBearerCredentials } from './bearer.js'
import { createJwksKeySource, createStaticKeySource, type KeySource } from './key-source.js'
import { keysFromPem } from './keys.js'

export interface AuthPluginOptions {
  /** The `iss` the auth service signs; tokens from any other issuer are refused. */
  readonly issuer: string
  /** This service's own name (`consultants`, `catalog`); the token's `aud` must include it. */
  readonly audience: string
  /** The auth service's JWKS at a configured internal address (never one read from a token). */
  readonly jwksUrl?: string
  /** EC P-256 public key(s) as PEM instead of a JWKS: for tests and air-gapped deployments. */
  readonly publicKeyPem?: string
  /** Allowed clock skew for `exp` and `nbf`, in seconds (default 30). */
  readonly clockToleranceSec?: number
  /** Timeout of one JWKS request (default 2 s). */
  readonly fetchTimeoutMs?: number
  /** How long fetched keys are used before the JWKS is fetched again (default 10 minutes, the JWKS max-age). */
  readonly cacheTtlMs?: number
  /** Least time between two JWKS fetches, whatever `kid`s arrive (default 30 s). */
  readonly minRefetchIntervalMs?: number
  /** Verified tokens remembered to skip the signature check (default 1000; 0 turns it off). */
  readonly verifyCacheSize?: number
  /** How long a verified token is remembered, never past its `exp` (default 60 s). */
  readonly verifyCacheTtlMs?: number
  /** The current time in ms for `exp`/`nbf`/`iat` (default `Date.now`); the auth service passes its own clock. */
  readonly now?: () => number
}

export type AuthGuard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    /** Route hook: 401 unless the request carries a valid access token; then `request.auth` is set. */
    requireAuth: AuthGuard
    /** Route hook: like `requireAuth`, then 403 unless the token is a consultant's. */
    requireConsultant: AuthGuard
    /** Verifies a token outside a route hook (for example a WebSocket handshake). */
    verifyAccessToken: AccessTokenVerifier
  }
  interface FastifyRequest {
    /** The verified caller. Read it only on routes guarded by `requireAuth` or `requireConsultant`. */
    readonly auth: AuthContext
    /** The verified consultant. Read it only on routes guarded by `requireConsultant`. */
    readonly consultantAuth: ConsultantAuthContext
  }
}

export const DEFAULT_CLOCK_TOLERANCE_SEC = 30
export const DEFAULT_VERIFY_CACHE_SIZE = 1000
export const DEFAULT_VERIFY_CACHE_TTL_MS = 60_000

// RFC 6750 §3: no error code when no credentials were sent, `invalid_token` when they were and failed.
const CHALLENGE = 'Bearer'
const INVALID_TOKEN_CHALLENGE = 'Bearer error="invalid_token"'
const EXPIRED_TOKEN_CHALLENGE = 'Bearer error="invalid_token", error_description="The access token expired"'

const INVALID_TOKEN = { en: 'The access token is not valid', ar: 'رمز الدخول غير صالح' }
const EXPIRED_TOKEN = { en: 'The access token has expired', ar: 'انتهت صلاحية رمز الدخول' }
const CONSULTANTS_ONLY = { en: 'Only a consultant can do this', ar: 'هذا الإجراء متاح للمستشارين فقط' }

function missingCredentials(): AppError {
  return commonError('COMMON_UNAUTHORIZED', { headers: { 'www-authenticate': CHALLENGE } })
}

function invalidToken(reason: TokenRejection | 'too_large'): AppError {
  const expired = reason === 'expired'
  return commonError('COMMON_UNAUTHORIZED', {
    detail: expired ? EXPIRED_TOKEN : INVALID_TOKEN,
    headers: { 'www-authenticate': expired ? EXPIRED_TOKEN_CHALLENGE : INVALID_TOKEN_CHALLENGE },
  })
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

function checkOptions(options: AuthPluginOptions): void {
  if (!options.issuer?.trim()) throw new Error('auth plugin: issuer is required')
  if (!options.audience?.trim()) throw new Error('auth plugin: audience (this service name) is required')
  if ((options.jwksUrl === undefined) === (options.publicKeyPem === undefined)) {
    throw new Error('auth plugin: give exactly one of jwksUrl and publicKeyPem')
  }
  if (options.jwksUrl !== undefined && !isHttpUrl(options.jwksUrl)) {
    throw new Error('auth plugin: jwksUrl must be an http(s) URL')
  }
  const tolerance = options.clockToleranceSec
  if (tolerance !== undefined && !(Number.isInteger(tolerance) && tolerance >= 0 && tolerance <= 300)) {
    throw new Error('auth plugin: clockToleranceSec must be an integer from 0 to 300')
  }
}

function createKeySource(app: FastifyInstance, options: AuthPluginOptions): KeySource {
  if (options.publicKeyPem !== undefined) return createStaticKeySource(keysFromPem(options.publicKeyPem))
  return createJwksKeySource({
    url: options.jwksUrl ?? '',
    log: app.log,
    ...(options.fetchTimeoutMs === undefined ? {} : { fetchTimeoutMs: options.fetchTimeoutMs }),
    ...(options.cacheTtlMs === undefined ? {} : { cacheTtlMs: options.cacheTtlMs }),
    ...(options.minRefetchIntervalMs === undefined ? {} : { minRefetchIntervalMs: options.minRefetchIntervalMs }),
  })
}

/**
 * Verifies the auth service's access tokens and offers route guards. Use a guard as `onRequest` to refuse
 * before the body is read (or as `preHandler`):
 *
 *   app.get('/me', { onRequest: app.requireConsultant, schema: { ...securityFor('consultant', { 200: Me }) } },
 *     async (request) => findProfile(request.consultantAuth.consultantId))
 */
async function authPlugin(app: FastifyInstance, options: AuthPluginOptions): Promise<void> {
  checkOptions(options)
  const keys = createKeySource(app, options)
  const verify = createAccessTokenVerifier({
    issuer: options.issuer,
    audience: options.audience,
    clockToleranceSec: options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC,
    keys,
    cacheSize: options.verifyCacheSize ?? DEFAULT_VERIFY_CACHE_SIZE,
    cacheTtlMs: options.verifyCacheTtlMs ?? DEFAULT_VERIFY_CACHE_TTL_MS,
    ...(options.now ? { now: options.now } : {}),
  })
  const verified = new WeakMap<FastifyRequest, AuthContext>()

  async function authenticate(request: FastifyRequest): Promise<AuthContext> {
    const known = verified.get(request)
    if (known) return known
    const credentials = readBearerCredentials(request.headers.authorization)
    if (credentials.kind === 'missing') throw missingCredentials()
    if (credentials.kind === 'invalid') {
      request.log.info({ authFailure: credentials.reason }, 'access token refused')
      throw invalidToken(credentials.reason)
    }
    const outcome = await verify(credentials.token)
    if (!outcome.ok) {
      if (outcome.reason === 'keys_unavailable') {
        // Not the client's fault and not a verdict on its token: 503 tells it to retry, 401 would sign it out.
        throw commonError('COMMON_UNAVAILABLE', { headers: { 'retry-after': String(outcome.retryAfterSec) } })
      }
      request.log.info({ authFailure: outcome.reason }, 'access token refused')
      throw invalidToken(outcome.reason)
    }
    verified.set(request, outcome.auth)
    return outcome.auth
  }

  app.decorate('verifyAccessToken', verify)
  app.decorate('requireAuth', async (request: FastifyRequest) => {
    await authenticate(request)
  })
  app.decorate('requireConsultant', async (request: FastifyRequest) => {
    const auth = await authenticate(request)
    if (auth.role !== 'consultant') throw commonError('COMMON_FORBIDDEN', { detail: CONSULTANTS_ONLY })
  })

  // Reading the caller on an unguarded route is a programming error, so it fails loudly instead of being undefined.
  app.decorateRequest('auth', {
    getter(this: FastifyRequest) {
      const auth = verified.get(this)
      if (!auth) throw new Error('request.auth read on a route without requireAuth or requireConsultant')
      return auth
    },
  })
  app.decorateRequest('consultantAuth', {
    getter(this: FastifyRequest) {
      const auth = verified.get(this)
      if (auth?.role !== 'consultant') throw new Error('request.consultantAuth read on a route without requireConsultant')
      return auth
    },
  })

  app.addHook('onReady', async () => {
    // Not awaited: a service must start even while the auth service is down; the first request retries.
    void keys.warmUp()
  })
  app.addHook('onClose', async () => keys.close())
}

export default fp(authPlugin, { name: '@cp/service-kit/auth', fastify: '5.x' })
