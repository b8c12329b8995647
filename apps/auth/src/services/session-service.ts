import type { FastifyBaseLogger } from 'fastify'
import { type Clock, DAY_MS, SECOND_MS } from '../clock.js'
import { authError } from '../errors.js'
import type { SealedBox } from '../lib/sealed-box.js'
import { generateRefreshToken, hashRefreshToken, isRefreshTokenFormat } from '../lib/tokens.js'
import type { AccountsRepository } from '../repositories/accounts-repository.js'
import type { RefreshTokenRow, SessionRow, SessionsRepository } from '../repositories/sessions-repository.js'
import { type EligibilityCheck, IneligibleError } from './eligibility.js'
import type { Principal, TokenPair, TokenService } from './token-service.js'

export interface SessionServiceDeps {
  readonly sessions: SessionsRepository
  readonly accounts: AccountsRepository
  readonly tokens: TokenService
  readonly checkEligibility: EligibilityCheck
  /** Seals the pair a rotation produced, for replays within the grace period. */
  readonly graceBox: SealedBox
  readonly clock: Clock
  readonly graceSeconds: number
  readonly idleDays: number
  readonly log: FastifyBaseLogger
}

export type SessionState = 'active' | 'ended' | 'expired'

export function createSessionService(deps: SessionServiceDeps) {
  const { sessions, accounts, tokens, graceBox, clock, log } = deps
  const graceMs = deps.graceSeconds * SECOND_MS
  const idleMs = deps.idleDays * DAY_MS
  const graceData = (token: RefreshTokenRow) => `refresh-grace:${token.sessionId}:${token.id}`

  function stateOf(session: SessionRow, now: Date): SessionState {
    if (session.revokedAt) return 'ended'
    if (session.expiresAt <= now || session.lastUsedAt.getTime() + idleMs <= now.getTime()) return 'expired'
    return 'active'
  }

  /** The account as it is now: disabled accounts and ineligible consultants lose the session. */
  async function currentPrincipal(session: SessionRow, now: Date): Promise<Principal> {
    if (session.role === 'consultant') {
      try {
        return { customerId: session.customerId, consultant: await deps.checkEligibility(session.customerId, now) }
      } catch (error) {
        if (error instanceof IneligibleError) await sessions.revoke(session.id, 'ineligible', now)
        throw error
      }
    }
    const account = await accounts.findProfile(session.customerId)
    if (!account || account.accountStatus !== 'Active') {
      await sessions.revoke(session.id, 'account_disabled', now)
      throw authError('AUTH_ACCOUNT_DISABLED')
    }
    return { customerId: session.customerId }
  }

  /** A rotated token presented again: the same pair within the grace period, otherwise the family dies. */
  async function replay(token: RefreshTokenRow, session: SessionRow, now: Date): Promise<TokenPair> {
    if (token.rotatedAt && now.getTime() - token.rotatedAt.getTime() <= graceMs && token.graceResponse) {
      const opened = graceBox.open(token.graceResponse, graceData(token))
      if (opened !== undefined) return JSON.parse(opened) as TokenPair
    }
    await sessions.revoke(session.id, 'reuse', now)
    log.warn({ sessionId: session.id, customerId: session.customerId }, 'refresh token reused; session revoked')
    throw authError('AUTH_REFRESH_REUSED')
  }

  return {
    stateOf,

    /** Rotates a refresh token: a new pair, the old token dead except for the grace period. */
    async refresh(refreshToken: string): Promise<TokenPair> {
      if (!isRefreshTokenFormat(refreshToken)) throw authError('AUTH_REFRESH_INVALID')
      const found = await sessions.findRefreshToken(hashRefreshToken(refreshToken))
      if (!found) throw authError('AUTH_REFRESH_INVALID')
      const { token, session } = found
      const now = clock()
      const state = stateOf(session, now)
      if (state === 'ended') throw authError('AUTH_SESSION_ENDED')
      if (state === 'expired') {
        await sessions.revoke(session.id, 'expired', now)
        throw authError('AUTH_SESSION_EXPIRED')
      }
      if (token.rotatedAt) return replay(token, session, now)

      const principal = await currentPrincipal(session, now)
      const nextToken = generateRefreshToken()
      const pair = tokens.issuePair(principal, session.id, nextToken, now)
      const rotation = await sessions.rotate({
        token,
        newTokenHash: hashRefreshToken(nextToken),
        graceResponse: graceBox.seal(JSON.stringify(pair), graceData(token)),
        now,
        graceEndedBefore: new Date(now.getTime() - graceMs),
        idleBefore: new Date(now.getTime() - idleMs),
      })
      if (rotation === 'rotated') return pair
      if (rotation === 'session_closed') {
        // Ended (logout, reuse, ...) while this request was under way; the pair signed above is never handed out.
        const current = await sessions.findSession(session.id)
        if (current && stateOf(current, now) === 'expired') throw authError('AUTH_SESSION_EXPIRED')
        throw authError('AUTH_SESSION_ENDED')
      }
      // A concurrent request rotated this token first: answer as a replay of it.
      const rotated = await sessions.readToken(token.id)
      if (!rotated) throw authError('AUTH_REFRESH_INVALID')
      return replay(rotated, session, now)
    },

    async logout(session: { sessionId: string; customerId: number }, everywhere: boolean): Promise<void> {
      const now = clock()
      if (everywhere) await sessions.revokeAll(session.customerId, 'logout_all', now)
      else await sessions.revoke(session.sessionId, 'logout', now)
    },

    /**
     * The account behind an open session as it is now: a disabled account (403 AUTH_ACCOUNT_DISABLED) or a consultant
     * no longer eligible (403 with the reason) ends the session, as at a refresh.
     */
    async assertAccountUsable(session: SessionRow): Promise<void> {
      await currentPrincipal(session, clock())
    },

    async findActiveSession(sessionId: string): Promise<{ session: SessionRow | null; state: SessionState | 'missing' }> {
      const session = await sessions.findSession(sessionId)
      if (!session) return { session, state: 'missing' }
      return { session, state: stateOf(session, clock()) }
    },
  }
}

export type SessionService = ReturnType<typeof createSessionService>
