import type { PrismaClient } from '@cp/db'
import { type AccountsRepository, createAccountsRepository } from './accounts-repository.js'
import { type ChallengeRow, consumeCode, releaseEvent } from './otp-repository.js'
import { insertSession, type NewSession } from './sessions-repository.js'

/** What a code verification writes, all through one transaction. */
export interface SignInTransaction {
  consumeCode(challenge: ChallengeRow, now: Date): Promise<boolean>
  releaseEvent(eventId: bigint): Promise<void>
  readonly accounts: AccountsRepository
  insertSession(session: NewSession): Promise<void>
}

export type RunSignInTransaction = <T>(work: (tx: SignInTransaction) => Promise<T>) => Promise<T>

/**
 * Runs `work` in one database transaction: the code used, the account created or marked verified and the session
 * stored all commit together or not at all (a failure half-way leaves neither a used code nor an account without
 * a session).
 */
export function createSignInTransaction(db: PrismaClient): RunSignInTransaction {
  return (work) =>
    db.$transaction((client) =>
      work({
        consumeCode: (challenge, now) => consumeCode(client, challenge, now),
        releaseEvent: (eventId) => releaseEvent(client, eventId),
        accounts: createAccountsRepository(client),
        insertSession: (session) => insertSession(client, session),
      }),
    )
}
