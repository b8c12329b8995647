import type { PrismaClient } from '@cp/db'
import { type AccountsRepository, createAccountsRepository } from './accounts-repository.js'
import { DEADLOCK, retryOnConflict } from './conflict-retry.js'
import {
  addFailedVerification,
  type ChallengeRow,
  consumeCode,
  countEvents,
  type EventWindow,
  findChallenge,
  lockLimitKey,
  takeGuess,
  verifyLockKey,
} from './otp-repository.js'
import { insertSession, type NewSession } from './sessions-repository.js'

/** What a code verification reads and writes, all through one transaction. */
export interface SignInTransaction {
  /**
   * Makes verifications of one destination and purpose take turns until this transaction ends, so that each one
   * sees what the one before it did (a failure counted, the code used).
   */
  lockVerifications(destination: string, purpose: string, now: Date): Promise<void>
  countFailedVerifications(destination: string, purpose: string, since: Date): Promise<EventWindow>
  addFailedVerification(failure: { destination: string; purpose: string; ip: string; now: Date }): Promise<void>
  findChallenge(destination: string, purpose: string): Promise<ChallengeRow | null>
  takeGuess(challenge: ChallengeRow, now: Date, maxGuesses: number): Promise<boolean>
  consumeCode(challenge: ChallengeRow, now: Date): Promise<boolean>
  readonly accounts: AccountsRepository
  insertSession(session: NewSession): Promise<void>
}

export type RunSignInTransaction = <T>(work: (tx: SignInTransaction) => Promise<T>) => Promise<T>

const RETRY_ON_DEADLOCK = new Set([DEADLOCK])

/**
 * Runs `work` in one database transaction: the failure counted, or the code used, the account created or marked
 * verified and the session stored, all commit together or not at all (a failure half-way leaves neither a used code
 * nor an account without a session). Run again when InnoDB picks it as a deadlock victim (two first verifications of
 * a new destination inserting its lock row at once); nothing of the first run remains.
 */
export function createSignInTransaction(db: PrismaClient): RunSignInTransaction {
  return (work) =>
    retryOnConflict(
      () =>
        db.$transaction((client) =>
          work({
            lockVerifications: (destination, purpose, now) => {
              const { scope, subject } = verifyLockKey(destination, purpose)
              return lockLimitKey(client, scope, subject, now)
            },
            countFailedVerifications: (destination, purpose, since) =>
              countEvents(client, { kind: 'verify_failed', destination, purpose }, since),
            addFailedVerification: (failure) => addFailedVerification(client, failure),
            findChallenge: (destination, purpose) => findChallenge(client, destination, purpose),
            takeGuess: (challenge, now, maxGuesses) => takeGuess(client, challenge, now, maxGuesses),
            consumeCode: (challenge, now) => consumeCode(client, challenge, now),
            accounts: createAccountsRepository(client),
            insertSession: (session) => insertSession(client, session),
          }),
        ),
      RETRY_ON_DEADLOCK,
    )
}
