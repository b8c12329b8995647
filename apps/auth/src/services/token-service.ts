import { randomUUID } from 'node:crypto'
import { asConsultantId, asSessionId, createTokenPayload, type TokenRole } from '@cp/domain'
import { DAY_MS, addMs } from '../clock.js'
import type { AuthConfig } from '../config.js'
import { createAccessTokenSigner, generateRefreshToken, hashRefreshToken } from '../lib/tokens.js'
import type { NewSession, SessionsRepository } from '../repositories/sessions-repository.js'

/** What every sign-in and refresh answers with. */
export interface TokenPair {
  readonly tokenType: 'Bearer'
  readonly accessToken: string
  /** Seconds until the access token expires (shorter than the configured TTL when eligibility ends sooner). */
  readonly expiresIn: number
  readonly refreshToken: string
  readonly sessionId: string
  readonly user: { readonly id: number; readonly role: TokenRole; readonly consultantId: number | null }
}

export interface Principal {
  readonly customerId: number
  /** Set for a consultant sign-in, with the end of their eligibility. */
  readonly consultant?: { readonly consultantId: number; readonly notAfter: Date } | undefined
}

export interface TokenService {
  /** Signs an access token for a session; `exp` is capped by the consultant's eligibility. */
  issuePair(principal: Principal, sessionId: string, refreshToken: string, now: Date): TokenPair
  /**
   * The first pair of a new session (refresh-token family) and the session row to store with it. `now` is the instant
   * the sign-in was judged at (eligibility included), so the token's `exp` cap can never lie before its `iat`.
   */
  newSession(principal: Principal, ip: string, now: Date): { readonly pair: TokenPair; readonly session: NewSession }
  /** Opens a new session and returns its first pair. */
  startSession(principal: Principal, ip: string, now: Date): Promise<TokenPair>
}

export function createTokenService(config: AuthConfig, sessions: SessionsRepository): TokenService {
  const sign = createAccessTokenSigner(config.keys.active)

  function issuePair(principal: Principal, sessionId: string, refreshToken: string, now: Date): TokenPair {
    const { consultant } = principal
    const base = {
      user: { customerId: principal.customerId },
      sessionId: asSessionId(sessionId),
      audience: config.AUTH_AUDIENCES,
      issuer: config.AUTH_ISSUER,
      now,
      ttlSeconds: config.AUTH_ACCESS_TOKEN_TTL_SECONDS,
      jti: randomUUID(),
    }
    const claims = createTokenPayload(
      consultant
        ? { ...base, consultantId: asConsultantId(consultant.consultantId), notAfter: consultant.notAfter }
        : base,
    )
    return {
      tokenType: 'Bearer',
      accessToken: sign(claims),
      expiresIn: claims.exp - claims.iat,
      refreshToken,
      sessionId,
      user: { id: principal.customerId, role: claims.role, consultantId: consultant?.consultantId ?? null },
    }
  }

  function newSession(principal: Principal, ip: string, now: Date) {
    const sessionId = randomUUID()
    const refreshToken = generateRefreshToken()
    const pair = issuePair(principal, sessionId, refreshToken, now)
    const days = principal.consultant ? config.AUTH_CONSULTANT_SESSION_DAYS : config.AUTH_CUSTOMER_SESSION_DAYS
    const session: NewSession = {
      id: sessionId,
      customerId: principal.customerId,
      consultantId: principal.consultant?.consultantId ?? null,
      role: pair.user.role,
      now,
      expiresAt: addMs(now, days * DAY_MS),
      ip,
      refreshTokenHash: hashRefreshToken(refreshToken),
    }
    return { pair, session }
  }

  return {
    issuePair,
    newSession,
    async startSession(principal, ip, now) {
      const { pair, session } = newSession(principal, ip, now)
      await sessions.create(session)
      return pair
    },
  }
}
