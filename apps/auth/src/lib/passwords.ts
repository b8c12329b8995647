import { createHash, timingSafeEqual } from 'node:crypto'
import { type Algorithm, hash as argon2Hash, verify as argon2VerifyHash } from '@node-rs/argon2'
import bcrypt from 'bcryptjs'

/** Longer input is refused before any hashing, so that a huge body cannot buy expensive work. */
export const MAX_PASSWORD_BYTES = 1024

/** OWASP's minimum for argon2id: 19 MiB, two passes, one lane. */
// `Algorithm` is an ambient const enum (erased under verbatimModuleSyntax): 2 is its Argon2id.
export const ARGON2_PARAMS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const
/** Argon2 version 1.3, written `v=19` in the PHC string. */
const ARGON2_VERSION = 19

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
// Compared against where the account holds no MD5 hash (the comparison is cheap; run for symmetry only).
const DUMMY_MD5_HASH = '0'.repeat(32)
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
  return argon2Hash(plain, ARGON2_PARAMS)
}

/** The cost of the legacy application's bcrypt hashes; every verification pays one bcrypt at this cost. */
export const LEGACY_BCRYPT_COST = 10

/**
 * A bcrypt hash at LEGACY_BCRYPT_COST of a random, forgotten password, verified on every path that has no real
 * bcrypt hash. Exported for the test that keeps it at that cost.
 */
export const DUMMY_BCRYPT_HASH = '$2b$10$t4pW0SluFEbHyKA1.1cV2OF3y7aODtf2IyZt1wpZyhxVGqbJTeYVy'

/** The slow hash checks a verification runs; injectable so that tests can see which ones ran. */
export interface HashVerifiers {
  argon2(hash: string, plain: string): Promise<boolean>
  bcrypt(hash: string, plain: string): Promise<boolean>
}

export const defaultHashVerifiers: HashVerifiers = { argon2: argon2Verify, bcrypt: bcryptVerify }

export type VerifyPassword = (plain: string, stored: string | null | undefined) => Promise<boolean>

/**
 * Verifies a password against a stored argon2id, legacy bcrypt or legacy unsalted MD5 hash. Never throws for bad
 * stored data: an empty, malformed or unknown hash is a mismatch.
 *
 * Every verification, whatever is stored (nothing, MD5, argon2id, bcrypt), runs exactly one argon2id verification at
 * ARGON2_PARAMS and one bcrypt verification at LEGACY_BCRYPT_COST, in parallel, each against the real hash where
 * there is one and against a dummy otherwise, plus the cheap MD5 comparison. So the time of a failed sign-in says
 * nothing about whether the account exists or which kind of hash it still holds. (A legacy bcrypt hash at another
 * cost than 10 still takes its own time: the cost is part of that hash.)
 */
export function createPasswordVerifier(verifiers: HashVerifiers = defaultHashVerifiers): VerifyPassword {
  return async (plain, stored) => {
    if (isPasswordTooLong(plain)) return false
    const hash = stored?.trim() ?? ''
    const kind = identifyPasswordHash(hash)
    const [argon2Matches, bcryptMatches] = await Promise.all([
      verifiers.argon2(kind === 'argon2id' ? hash : DUMMY_ARGON2ID_HASH, plain),
      verifiers.bcrypt(kind === 'bcrypt' ? hash : DUMMY_BCRYPT_HASH, plain),
    ])
    const md5Matches = md5Verify(kind === 'md5' ? hash : DUMMY_MD5_HASH, plain)
    // An empty password never signs in, even where a legacy row holds the MD5 of the empty string.
    if (plain === '') return false
    if (kind === 'argon2id') return argon2Matches
    if (kind === 'bcrypt') return bcryptMatches
    if (kind === 'md5') return md5Matches
    return false
  }
}

export const verifyPassword: VerifyPassword = createPasswordVerifier()

/** True for anything but argon2id at exactly ARGON2_PARAMS; call after a successful verify to upgrade the hash. */
export function needsRehash(stored: string | null | undefined): boolean {
  const hash = stored?.trim() ?? ''
  if (identifyPasswordHash(hash) !== 'argon2id') return true
  return !hasArgon2Params(hash)
}

// `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`: the parameters in any order, each exactly once.
function hasArgon2Params(hash: string): boolean {
  const [, , version, params] = hash.split('$')
  if (version !== `v=${ARGON2_VERSION}` || params === undefined) return false
  const pairs = params.split(',').map((pair) => pair.split('='))
  const found = new Map(pairs.map(([key, value]) => [key, Number(value)]))
  return (
    pairs.length === 3 &&
    found.get('m') === ARGON2_PARAMS.memoryCost &&
    found.get('t') === ARGON2_PARAMS.timeCost &&
    found.get('p') === ARGON2_PARAMS.parallelism
  )
}

async function argon2Verify(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2VerifyHash(hash, plain)
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
