import type { TokenRole } from '@cp/domain'
import type { AuthGuard } from '@cp/service-kit'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { authError } from '../errors.js'
import type { SessionService } from '../services/session-service.js'

/** Who called a route guarded by `authenticate`. */
export interface Caller {
  readonly customerId: number
  readonly sessionId: string
  readonly role: TokenRole
  readonly consultantId: number | null
}

/**
 * Route hook: service-kit's `requireAuth` verifies the access token (as every service does), then the session must
 * still be open and its account usable (active; an eligible consultant for a consultant session). This service has the sessions table at hand, so a logged-out or revoked session stops working here
 * at once rather than when its access token expires.
 */
export function createAuthenticate(requireAuth: AuthGuard, sessions: SessionService) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await requireAuth(request, reply)
    const { userId, sessionId } = request.auth
    const { session, state } = await sessions.findActiveSession(sessionId)
    if (state !== 'active' || !session || session.customerId !== userId) {
      throw authError('AUTH_SESSION_ENDED', { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } })
    }
    // And the account must still be usable: a disabled customer or a consultant no longer eligible is refused (403)
    // at once, and the session ends, rather than working on until the access token expires.
    await sessions.assertAccountUsable(session)
  }
}

export type Authenticate = ReturnType<typeof createAuthenticate>

/** The caller of a route guarded by `authenticate` (service-kit's `request.auth`, flattened for our repositories). */
export function callerOf(request: FastifyRequest): Caller {
  const auth = request.auth
  return {
    customerId: auth.userId,
    sessionId: auth.sessionId,
    role: auth.role,
    consultantId: auth.role === 'consultant' ? auth.consultantId : null,
  }
}
