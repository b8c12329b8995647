import { createHash, timingSafeEqual } from 'node:crypto'
import argon2 from 'argon2'
import bcrypt from 'bcryptjs'

/** Longer input is refused before any hashing, so that a huge body cannot buy expensive work. */
export const MAX_PASSWORD_BYTES = 1024

/** OWASP's minimum for argon2id: 19 MiB, two passes, one lane. */
export const ARGON2_PARAMS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export type PasswordHashKind = 'argon2id' | 'bcrypt' | 'md5' | 'unknown'

export class PasswordTooLongError extends Error {
  constructor() {
    super(`Passwords are limited to ${MAX_PASSWORD_BYTES} bytes`)
    this.name = 'PasswordTooLongError'
  }
}

// Legacy PHP hashes: `$2y$` (PHP's crypt_blowfish), `$2a$` and `$2b$` are the same algorithm for every input
// a sane system produced. `$2x$` (the pre-2011 sign-extension bug) is deliberately not accepted. Costs above 15
// would take seconds per attempt and come from no real legacy system.
const BCRYPT_HASH = /^\$2[aby]\$(0[4-9]|1[0-5])\$[./A-Za-z0-9]{53}$/
const MD5_HEX = /^[0-9a-fA-F]{32}$/
// PHC string format: version, parameters, then base64 salt and hash (at least 8 and 16 bytes).
const ARGON2ID_HASH = /^\$argon2id\$v=\d+\$[a-z]=\d+(?:,[a-z]=\d+)*\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$/

// An argon2id hash at ARGON2_PARAMS of a random, forgotten password: verifying against it costs what verifying a
// real account costs, and can never succeed. Exported for the test that keeps it at ARGON2_PARAMS.
export const DUMMY_ARGON2ID_HASH = '$argon2id$v=19$m=19456,p=1,t=2$isHH8l06ydfG2oEq9VW3SQ$FjaBrT4WoWekEYVmduW0qzqBjqw9qnDPp0prkfLJMNs'

/** Cheap and exact: UTF-8 needs at least one byte per UTF-16 unit, so long strings are refused without encoding. */
export function isPasswordTooLong(plain: string): boolean {
  return plain.length > MAX_PASSWORD_BYTES || Buffer.byteLength(plain, 'utf8') > MAX_PASSWORD_BYTES
}

export function identifyPasswordHash(stored: string | null | undefined): PasswordHashKind {
  if (!stored) return 'unknown'
  if (ARGON2ID_HASH.test(stored)) return 'argon2id'
  if (BCRYPT_HASH.test(stored)) return 'bcrypt'
  if (MD5_HEX.test(stored)) return 'md5'
  return 'unknown'
}

export async function hashPassword(plain: string): Promise<string> {
  if (isPasswordTooLong(plain)) throw new PasswordTooLongError()
  return argon2.hash(plain, ARGON2_PARAMS)
}

/**
 * Verifies a password against a stored argon2id, legacy bcrypt or legacy unsalted MD5 hash. Never throws for bad
 * stored data: an empty, malformed or unknown hash is a mismatch. Every path that reaches hashing costs at least one
 * argon2id verification, so a missing or legacy hash answers no faster than a real account.
 */
export async function verifyPassword(plain: string, stored: string | null | undefined): Promise<boolean> {
  if (isPasswordTooLong(plain)) return false
  const hash = stored?.trim() ?? ''
  const kind = identifyPasswordHash(hash)
  // An empty password never signs in, even where a legacy row holds the MD5 of the empty string.
  if (plain === '' || kind === 'unknown') {
    await dummyVerify()
    return false
  }
  if (kind === 'argon2id') return argon2Verify(hash, plain)
  const legacyCheck = kind === 'bcrypt' ? bcryptVerify(hash, plain) : md5Verify(hash, plain)
  const [matches] = await Promise.all([legacyCheck, dummyVerify()])
  return matches
}

/** True for anything but argon2id at exactly ARGON2_PARAMS; call after a successful verify to upgrade the hash. */
export function needsRehash(stored: string | null | undefined): boolean {
  const hash = stored?.trim() ?? ''
  if (identifyPasswordHash(hash) !== 'argon2id') return true
  try {
    return argon2.needsRehash(hash, ARGON2_PARAMS)
  } catch {
    return true
  }
}

/** The cost of one argon2id verification at our parameters, for sign-in attempts on accounts that do not exist. */
export async function dummyVerify(): Promise<void> {
  await argon2Verify(DUMMY_ARGON2ID_HASH, 'not the password')
}

async function argon2Verify(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain)
  } catch {
    return false
  }
}

async function bcryptVerify(hash: string, plain: string): Promise<boolean> {
  try {
    return await bcrypt.compare(plain, hash)
  } catch {
    return false
  }
}

function md5Verify(hash: string, plain: string): boolean {
  const actual = createHash('md5').update(plain, 'utf8').digest()
  return timingSafeEqual(actual, Buffer.from(hash, 'hex'))
}
