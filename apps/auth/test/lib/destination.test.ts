import t from 'tap'
import { parsePhoneNumberFromString as parseWithMinMetadata } from 'libphonenumber-js'
import {
  isSupportedRegion,
  MAX_EMAIL_LENGTH,
  normaliseDestination,
  normaliseEmail,
  normalisePhone,
  toAsciiDigits,
} from '../../src/lib/destination.js'

const sa = { defaultRegion: 'SA' } as const

t.test('every written form of one Saudi mobile maps to the same E.164 value', async (t) => {
  const variants = [
    '+966501234567',
    '+966 50 123 4567',
    '00966501234567',
    '00 966 50 123 4567',
    '0501234567',
    '050-123-4567',
    '(050) 123 4567',
    '050.123.4567',
    '501234567',
    '  +966-50-123-4567  ',
    '\u00a0+966\u00a050\u00a0123\u00a04567',
    '٠٥٠١٢٣٤٥٦٧',
    '+٩٦٦٥٠١٢٣٤٥٦٧',
    '٠٠٩٦٦ ٥٠ ١٢٣ ٤٥٦٧',
    '۰۵۰۱۲۳۴۵۶۷',
    '+۹۶۶ ۵۰ ۱۲۳ ۴۵۶۷',
    '\u200f+966 50 123 4567\u200e',
    '\u2066050 123 4567\u2069',
  ]
  for (const input of variants) {
    t.same(normalisePhone(input, sa), { kind: 'phone', value: '+966501234567' }, JSON.stringify(input))
    const viaDestination = normaliseDestination(input, sa)
    t.same(viaDestination, { kind: 'phone', value: '+966501234567' }, `${JSON.stringify(input)} via destination`)
  }
})

t.test('the default region only applies to national numbers', async (t) => {
  t.same(normalisePhone('+447911123456', sa), { kind: 'phone', value: '+447911123456' })
  t.same(normalisePhone('00447911123456', sa), { kind: 'phone', value: '+447911123456' })
  t.same(normalisePhone('07911 123456', { defaultRegion: 'GB' }), { kind: 'phone', value: '+447911123456' })
  // A US default region dials out with 011, yet `00` still means an international number here.
  t.same(normalisePhone('00966501234567', { defaultRegion: 'US' }), { kind: 'phone', value: '+966501234567' })
})

t.test('invalid phone numbers are refused with a reason', async (t) => {
  t.same(normalisePhone('+966 50 123', sa), { kind: 'invalid', reason: 'invalid_phone' }, 'too short')
  t.same(normalisePhone('+96650123456789', sa), { kind: 'invalid', reason: 'invalid_phone' }, 'too long')
  t.same(normalisePhone('+966 70 123 4567', sa), { kind: 'invalid', reason: 'invalid_phone' }, 'unassigned prefix')
  t.same(normalisePhone('+1 800 FLOWERS', sa), { kind: 'invalid', reason: 'invalid_characters' }, 'vanity letters')
  t.same(normalisePhone('call +966501234567', sa), { kind: 'invalid', reason: 'invalid_characters' })
  t.same(normalisePhone('+966501234567 ext. 12', sa), { kind: 'invalid', reason: 'invalid_characters' })
  t.same(normalisePhone('966+501234567', sa), { kind: 'invalid', reason: 'invalid_characters' }, 'plus inside')
  t.same(normalisePhone('   ', sa), { kind: 'invalid', reason: 'empty' })
  t.same(normalisePhone('1'.repeat(65), sa), { kind: 'invalid', reason: 'too_long' })
  t.same(normalisePhone(966501234567, sa), { kind: 'invalid', reason: 'not_a_string' })
  t.same(normaliseDestination(['+966501234567'], sa), { kind: 'invalid', reason: 'not_a_string' })
  t.same(normaliseDestination(null, sa), { kind: 'invalid', reason: 'not_a_string' })
})

t.test('only numbers that can receive an SMS are accepted unless told otherwise', async (t) => {
  t.same(normalisePhone('+966 11 234 5678', sa), { kind: 'invalid', reason: 'not_mobile' }, 'Riyadh landline')
  t.same(normalisePhone('+966 800 123 4567', sa), { kind: 'invalid', reason: 'not_mobile' }, 'toll free')
  t.same(normalisePhone('011 234 5678', { defaultRegion: 'SA', allowNonMobile: true }), {
    kind: 'phone',
    value: '+966112345678',
  })
  // US numbers do not reveal their type; they count as possibly mobile.
  t.same(normalisePhone('+1 212 456 7890', sa), { kind: 'phone', value: '+12124567890' })
})

t.test('full metadata refuses what length-only metadata would let through', async (t) => {
  // 052... is not an assigned Saudi mobile range, but it has a valid length.
  const input = '+966521234567'
  t.equal(parseWithMinMetadata(input)?.isValid(), true, 'min metadata only checks the length')
  t.same(normalisePhone(input, sa), { kind: 'invalid', reason: 'invalid_phone' })
})

t.test('e-mail case and surrounding space variants map to one value', async (t) => {
  for (const input of ['user.name+tag@example.com', 'User.Name+Tag@Example.COM', '  USER.NAME+TAG@EXAMPLE.COM\t\n']) {
    t.same(normaliseEmail(input), { kind: 'email', value: 'user.name+tag@example.com' }, JSON.stringify(input))
    t.same(normaliseDestination(input, sa), { kind: 'email', value: 'user.name+tag@example.com' })
  }
  t.same(normaliseEmail('a@b.co'), { kind: 'email', value: 'a@b.co' })
  t.same(normaliseEmail('x@mail.xn--mgbai9azgqp6j'), { kind: 'email', value: 'x@mail.xn--mgbai9azgqp6j' }, 'punycode TLD')
  t.same(normaliseEmail("o'brien_1-x@sub-domain.example.org"), { kind: 'email', value: "o'brien_1-x@sub-domain.example.org" })
})

t.test('malformed e-mail addresses are refused', async (t) => {
  const bad = [
    'plainaddress',
    '@example.com',
    'user@',
    'user@localhost',
    'user@example',
    'user@@example.com',
    'a@b@example.com',
    '.user@example.com',
    'user.@example.com',
    'us..er@example.com',
    'user@-example.com',
    'user@example-.com',
    'user@example..com',
    'user@example.c',
    'user@example.123',
    'user@[127.0.0.1]',
    '"quoted"@example.com',
    'user name@example.com',
    'üser@example.com',
    'user@exämple.com',
    `${'a'.repeat(65)}@example.com`,
  ]
  for (const input of bad) {
    const result = normaliseEmail(input)
    t.equal(result.kind, 'invalid', JSON.stringify(input))
  }
  t.same(normaliseEmail('   '), { kind: 'invalid', reason: 'empty' })
  t.same(normaliseEmail(42), { kind: 'invalid', reason: 'not_a_string' })
})

t.test('the 254 character limit is exact', async (t) => {
  const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(60)}.com`
  const longest = `${'a'.repeat(MAX_EMAIL_LENGTH - domain.length - 1)}@${domain}`
  t.equal(longest.length, MAX_EMAIL_LENGTH)
  t.same(normaliseEmail(longest), { kind: 'email', value: longest })
  t.same(normaliseEmail(`a${longest}`), { kind: 'invalid', reason: 'too_long' })
  t.same(normaliseEmail(` ${longest} `), { kind: 'email', value: longest }, 'surrounding space does not count')
  t.same(normaliseEmail(`${'a'.repeat(1_000_000)}@example.com`), { kind: 'invalid', reason: 'too_long' })
})

t.test('digit conversion and region support', async (t) => {
  t.equal(toAsciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789')
  t.equal(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789')
  t.equal(toAsciiDigits('+1 (2)'), '+1 (2)')
  t.equal(isSupportedRegion('SA'), true)
  t.equal(isSupportedRegion('XX'), false)
})
