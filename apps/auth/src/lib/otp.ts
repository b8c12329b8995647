import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

export const OTP_LENGTH = 6
const OTP_SPACE = 10 ** OTP_LENGTH
const OTP_FORMAT = /^[0-9]{6}$/
/** RFC 2104 advises HMAC keys no shorter than the hash output: 32 bytes for SHA-256. */
export const MIN_PEPPER_BYTES = 32
const HASH_HEX_LENGTH = 64

export interface OtpBinding {
  /** Secret from configuration; stored hashes are worthless without it. */
  pepper: string | Buffer
  /** What the code may be used for (e.g. 'customer-sign-in'); a code issued for one purpose fails for another. */
  purpose: string
  /** The normalised destination (E.164 phone or lower-cased e-mail) the code was sent to. */
  destination: string
  code: string
}

/** A uniformly distributed code; `randomInt` draws from the CSPRNG without modulo bias. */
export function generateOtp(): string {
  return String(randomInt(0, OTP_SPACE)).padStart(OTP_LENGTH, '0')
}

export function isOtpFormat(code: unknown): code is string {
  return typeof code === 'string' && OTP_FORMAT.test(code)
}

/** HMAC-SHA256 (hex) of the code bound to purpose and destination, so a leaked row cannot be replayed elsewhere. */
export function hashOtp({ pepper, purpose, destination, code }: OtpBinding): string {
  if (Buffer.byteLength(pepper) < MIN_PEPPER_BYTES) {
    throw new RangeError(`The OTP pepper must be at least ${MIN_PEPPER_BYTES} bytes`)
  }
  // A JSON array keeps the fields unambiguous: no choice of purpose and destination can collide with another.
  const message = JSON.stringify(['otp-v1', purpose, destination, code])
  return createHmac('sha256', pepper).update(message).digest('hex')
}

/** Constant-time comparison of a submitted code with a stored hash; malformed input is simply a mismatch. */
export function verifyOtpHash(binding: OtpBinding, storedHash: string): boolean {
  // Always compute the HMAC, so that the time taken does not depend on what was submitted.
  const expected = Buffer.from(hashOtp(binding), 'hex')
  if (storedHash.length !== HASH_HEX_LENGTH || !/^[0-9a-f]+$/.test(storedHash)) return false
  const stored = Buffer.from(storedHash, 'hex')
  return timingSafeEqual(expected, stored) && isOtpFormat(binding.code)
}
