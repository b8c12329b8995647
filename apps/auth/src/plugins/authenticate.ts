import { AppError } from '@cp/service-kit'
import type { FastifyRequest } from 'fastify'
import type { SessionService } from '../services/session-service.js'
import type { AccessContext, AccessTokenVerifier } from './access-token-verifier.js'

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The caller of a route guarded by `authenticate`: a valid access token of a session that is still open.
     * (Named apart from service-kit's `request.auth`, which other services' token plugin sets.)
     */
    authSession: AccessContext | null
  }
}

/** Longer Authorization headers are refused unread (a real server stops at 16 KiB of headers anyway). */
const MAX_AUTHORIZATION_LENGTH = 8192
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i

function unauthorized(code: 'AUTH_TOKEN_MISSING' | 'AUTH_TOKEN_INVALID' | 'AUTH_SESSION_ENDED'): AppError {
  // RFC 6750 §3: a request without credentials gets the bare challenge, a bad token gets invalid_token.
  const challenge = code === 'AUTH_TOKEN_MISSING' ? 'Bearer realm="auth"' : 'Bearer realm="auth", error="invalid_token"'
  return new AppError(code, { headers: { 'www-authenticate': challenge } })
}

/**
 * Route hook: the request must carry this service's access token, and its session must still be open (this service
 * has the sessions table at hand, so a logged-out session stops working here at once, not at the token's expiry).
 */
export function createAuthenticate(verify: AccessTokenVerifier, sessions: SessionService) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization
    if (header === undefined || header === '') throw unauthorized('AUTH_TOKEN_MISSING')
    const token = header.length > MAX_AUTHORIZATION_LENGTH ? undefined : BEARER.exec(header)?.[1]
    const context = token === undefined ? undefined : verify(token)
    if (!context) throw unauthorized('AUTH_TOKEN_INVALID')
    const { session, state } = await sessions.findActiveSession(context.sessionId)
    if (state !== 'active' || session?.customerId !== context.customerId) throw unauthorized('AUTH_SESSION_ENDED')
    request.authSession = context
  }
}

export type Authenticate = ReturnType<typeof createAuthenticate>

/** The caller of a guarded route; a route without the hook has none, which is a programming error. */
export function callerOf(request: FastifyRequest): AccessContext {
  if (!request.authSession) throw new Error('route is missing the authenticate hook')
  return request.authSession
}
