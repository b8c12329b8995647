import { createTestDatabase } from '@cp/db/testing'
import { SEED_PASSWORD, seedScenarios } from '@cp/db/seed'
import type { ServiceApp } from '@cp/service-kit'
import type { Test } from 'tap'
import { buildAuthApp } from '../../src/app.js'
import { loadAuthConfig } from '../../src/config.js'
import { generateDevKeyPem } from '../../src/lib/keys.js'
import { createMemorySender } from '../../src/lib/senders.js'
import type { AccountsRepository } from '../../src/repositories/accounts-repository.js'
import type { HousekeepingTimers } from '../../src/services/housekeeping.js'

export const TEST_PEPPER = 'test-pepper-0123456789-abcdefghijklmnop'
export const CONTENT_URL = 'https://cdn.example.test/media/'
export const ISSUER = 'https://auth.example.test'

/** A clock the test moves by hand; it starts at the real time so seeded dates (relative to today) hold. */
export function createTestClock(start = new Date()) {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms
    },
    set(date: Date) {
      current = date.getTime()
    },
  }
}
export type TestClock = ReturnType<typeof createTestClock>

export interface TestAuthOptions {
  readonly env?: Record<string, string>
  /** Seed the business scenarios (default true). */
  readonly seed?: boolean
  /** Deliver codes with the sender the configuration names instead of the memory sender. */
  readonly configuredSender?: boolean
  /** Timers for housekeeping, which is off unless `env` sets AUTH_HOUSEKEEPING_INTERVAL_SECONDS. */
  readonly housekeepingTimers?: HousekeepingTimers
  /** Wraps the accounts repository (to hold a lookup, or see when it starts). */
  readonly wrapAccounts?: (accounts: AccountsRepository) => AccountsRepository
  /** Runs on the built app before it is ready (to add a hook). */
  readonly beforeReady?: (app: ServiceApp) => void
}

/** The auth service on its own freshly migrated (and seeded) database, with a memory sender and a hand clock. */
export async function buildTestAuth(t: Test, options: TestAuthOptions = {}) {
  const database = await createTestDatabase(t, { connect: true })
  const prisma = database.db.prisma
  if (options.seed !== false) await seedScenarios(prisma)
  const signingKeyPem = generateDevKeyPem()
  const config = loadAuthConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    CONTENT_URL,
    RATE_LIMIT_MAX: '100000',
    AUTH_ISSUER: ISSUER,
    AUTH_SIGNING_KEY: signingKeyPem,
    AUTH_OTP_PEPPER: TEST_PEPPER,
    // Off by default: a pass in the middle of a test that moved the clock by days would delete what it examines.
    AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '0',
    ...options.env,
  })
  const sender = createMemorySender()
  const clock = createTestClock()
  const app: ServiceApp = await buildAuthApp({
    config,
    logger: false,
    clock: clock.now,
    ...(options.configuredSender ? {} : { sender }),
    ...(options.housekeepingTimers ? { housekeepingTimers: options.housekeepingTimers } : {}),
    ...(options.wrapAccounts ? { wrapAccounts: options.wrapAccounts } : {}),
  })
  options.beforeReady?.(app)
  t.teardown(() => app.close())
  await app.ready()
  return { app, prisma, config, sender, clock, signingKeyPem }
}
export type TestAuth = Awaited<ReturnType<typeof buildTestAuth>>

/** Password sign-in through HTTP. */
export function passwordSignIn(
  app: ServiceApp,
  body: { login: string; password: string; role?: 'customer' | 'consultant' },
  headers: Record<string, string> = {},
) {
  return app.inject({ method: 'POST', url: '/v1/auth/password/sign-in', payload: body, headers })
}

export interface SignedIn {
  readonly accessToken: string
  readonly refreshToken: string
  readonly sessionId: string
  readonly user: { readonly id: number; readonly role: string; readonly consultantId: number | null }
}

/** Signs a seeded account in with the seed password; throws unless it works. */
export async function signInWithSeedPassword(
  app: ServiceApp,
  login: string,
  role: 'customer' | 'consultant' = 'customer',
): Promise<SignedIn> {
  const res = await passwordSignIn(app, { login, password: SEED_PASSWORD, role })
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.body}`)
  return res.json() as SignedIn
}

export function bearer(accessToken: string) {
  return { authorization: `Bearer ${accessToken}` }
}
