import t from 'tap'
import { generateOtp, hashOtp, isOtpFormat, MIN_PEPPER_BYTES, OTP_LENGTH, verifyOtpHash } from '../../src/lib/otp.js'

const pepper = 'p'.repeat(MIN_PEPPER_BYTES)
const binding = { pepper, purpose: 'customer-sign-in', destination: '+966501234567', code: '012345' }

t.test('codes are six digits, drawn uniformly, leading zeros kept', async (t) => {
  const draws = 20_000
  const firstDigitCounts = new Array<number>(10).fill(0)
  const digitsSeenAtPosition = Array.from({ length: OTP_LENGTH }, () => new Set<string>())
  let malformed = 0
  let twoLeadingZeros = 0
  for (let i = 0; i < draws; i++) {
    const code = generateOtp()
    if (!/^[0-9]{6}$/.test(code)) malformed++
    firstDigitCounts[Number(code[0])]! += 1
    if (code.startsWith('00')) twoLeadingZeros++
    for (let position = 0; position < OTP_LENGTH; position++) digitsSeenAtPosition[position]!.add(code[position]!)
  }
  t.equal(malformed, 0, 'every code is exactly six ASCII digits')
  t.ok(digitsSeenAtPosition.every((seen) => seen.size === 10), 'every digit appears at every position')
  // Expected 2000 per first digit with a standard deviation of about 42: the bounds are ~12 deviations wide,
  // so only a skewed generator (e.g. one that never starts with 0) fails.
  for (const [digit, count] of firstDigitCounts.entries()) {
    t.ok(count > 1500 && count < 2500, `first digit ${digit} drawn ${count} times`)
  }
  t.ok(twoLeadingZeros > 100, `codes below 10000 keep both leading zeros (${twoLeadingZeros} seen)`)
})

t.test('a code verifies only with the same pepper, purpose, destination and code', async (t) => {
  const stored = hashOtp(binding)
  t.match(stored, /^[0-9a-f]{64}$/)
  t.equal(verifyOtpHash(binding, stored), true)
  t.equal(verifyOtpHash({ ...binding, destination: '+966501234568' }, stored), false, 'code for A used for B')
  t.equal(verifyOtpHash({ ...binding, destination: 'a@example.com' }, stored), false)
  t.equal(verifyOtpHash({ ...binding, purpose: 'consultant-sign-in' }, stored), false, 'another purpose')
  t.equal(verifyOtpHash({ ...binding, code: '012346' }, stored), false, 'wrong code')
  t.equal(verifyOtpHash({ ...binding, code: '12345' }, stored), false, 'leading zero dropped')
  t.equal(verifyOtpHash({ ...binding, pepper: 'q'.repeat(MIN_PEPPER_BYTES) }, stored), false, 'another pepper')
})

t.test('fields cannot be shifted into one another', async (t) => {
  const a = hashOtp({ ...binding, purpose: 'sign-in', destination: 'x@example.com' })
  const b = hashOtp({ ...binding, purpose: 'sign-in"', destination: 'x@example.com' })
  const c = hashOtp({ ...binding, purpose: 'sign-inx', destination: '@example.com' })
  t.not(a, b)
  t.not(a, c)
})

t.test('malformed stored hashes are a mismatch, never an exception', async (t) => {
  const stored = hashOtp(binding)
  t.equal(verifyOtpHash(binding, ''), false)
  t.equal(verifyOtpHash(binding, stored.slice(0, 63)), false, 'short')
  t.equal(verifyOtpHash(binding, `${stored}00`), false, 'long')
  t.equal(verifyOtpHash(binding, stored.toUpperCase()), false, 'upper-case hex is not what we store')
  t.equal(verifyOtpHash(binding, `${stored.slice(0, 62)}zz`), false, 'not hex')
})

t.test('a short pepper is a configuration error', async (t) => {
  t.throws(() => hashOtp({ ...binding, pepper: 'short' }), RangeError)
  t.throws(() => verifyOtpHash({ ...binding, pepper: Buffer.alloc(MIN_PEPPER_BYTES - 1) }, 'a'.repeat(64)), RangeError)
  t.doesNotThrow(() => hashOtp({ ...binding, pepper: Buffer.alloc(MIN_PEPPER_BYTES, 1) }))
})

t.test('code format', async (t) => {
  t.equal(isOtpFormat('000000'), true)
  t.equal(isOtpFormat('123456'), true)
  for (const bad of [123456, '12345', '1234567', ' 123456', '123 456', '12345a', '١٢٣٤٥٦', ['123456'], null]) {
    t.equal(isOtpFormat(bad), false, JSON.stringify(bad))
  }
})
