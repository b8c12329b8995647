// Full ("max") metadata validates each number against the per-type patterns of its region, so it can tell a
// mobile from a landline, toll-free or premium number; the default ("min") metadata checks lengths only. An OTP
// can only be delivered by SMS to a mobile, and refusing other types up front keeps SMS-pumping fraud away from
// the provider. The larger bundle costs nothing on a server.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'

export type { CountryCode }

export type Destination = { kind: 'phone'; value: string } | { kind: 'email'; value: string }

export type InvalidDestinationReason =
  | 'not_a_string'
  | 'empty'
  | 'too_long'
  | 'invalid_email'
  | 'invalid_characters'
  | 'invalid_phone'
  | 'not_mobile'

export interface InvalidDestination {
  kind: 'invalid'
  reason: InvalidDestinationReason
}

export type DestinationResult = Destination | InvalidDestination

export interface PhoneOptions {
  /** ISO 3166-1 alpha-2 region used for numbers written without a country code (`0501234567` in 'SA'). */
  defaultRegion: CountryCode
  /** Accept landlines and other non-mobile numbers (for matching legacy rows, not for sending codes). */
  allowNonMobile?: boolean
}

export const MAX_EMAIL_LENGTH = 254
const MAX_EMAIL_LOCAL_LENGTH = 64
/** Generous bound for any written form of a phone number; longer input is refused before parsing. */
const MAX_PHONE_INPUT_LENGTH = 64

export function isSupportedRegion(region: string): region is CountryCode {
  return isSupportedCountry(region)
}

/** Decides phone or e-mail by the presence of `@`, then normalises; everything downstream keys on `value`. */
export function normaliseDestination(input: unknown, options: PhoneOptions): DestinationResult {
  if (typeof input !== 'string') return invalid('not_a_string')
  return input.includes('@') ? normaliseEmail(input) : normalisePhone(input, options)
}

// U+0660..U+0669 (Arabic-Indic) and U+06F0..U+06F9 (Eastern Arabic-Indic, used in Persian and Urdu).
const ARABIC_INDIC_ZERO = 0x0660
const EASTERN_ARABIC_INDIC_ZERO = 0x06f0
// Direction marks that come along when a number is copied out of right-to-left text.
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g
// Anything besides digits, one leading plus and common separators is refused, so that text such as
// "call +966..." or vanity letters ("1-800-FLOWERS", which the library would accept) never becomes a number.
const PHONE_SHAPE = /^\+?[0-9 ()\-.]+$/

export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0)
    const zero = code >= EASTERN_ARABIC_INDIC_ZERO ? EASTERN_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO
    return String(code - zero)
  })
}

export function normalisePhone(input: unknown, options: PhoneOptions): DestinationResult {
  if (typeof input !== 'string') return invalid('not_a_string')
  if (input.length > MAX_PHONE_INPUT_LENGTH) return invalid('too_long')
  const text = toAsciiDigits(input.replace(BIDI_MARKS, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
  if (text === '') return invalid('empty')
  if (!PHONE_SHAPE.test(text)) return invalid('invalid_characters')
  // `00` is the international call prefix in most of the world (not in every default region), so it is
  // rewritten explicitly instead of relying on the default region's dialling rules.
  const international = text.startsWith('00') ? `+${text.slice(2)}` : text
  const parsed = parsePhoneNumberFromString(international, { defaultCountry: options.defaultRegion })
  if (!parsed || !parsed.isValid()) return invalid('invalid_phone')
  if (!options.allowNonMobile) {
    const type = parsed.getType()
    if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return invalid('not_mobile')
  }
  return { kind: 'phone', value: parsed.number }
}

// Dot-atom local part (RFC 5322 without quoted strings or comments) and a host name of letter-digit-hyphen
// labels with an alphabetic or punycode top-level label. IP literals and non-ASCII addresses are refused.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

export function normaliseEmail(input: unknown): DestinationResult {
  if (typeof input !== 'string') return invalid('not_a_string')
  // Checked before trimming too, so that a megabyte of spaces is not scanned.
  if (input.length > MAX_EMAIL_LENGTH * 4) return invalid('too_long')
  const value = input.trim().toLowerCase()
  if (value === '') return invalid('empty')
  if (value.length > MAX_EMAIL_LENGTH) return invalid('too_long')
  const at = value.lastIndexOf('@')
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  if (at < 1 || local.length > MAX_EMAIL_LOCAL_LENGTH || !LOCAL_PART.test(local)) return invalid('invalid_email')
  const labels = domain.split('.')
  const topLevel = labels[labels.length - 1] ?? ''
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL_LABEL.test(topLevel)) {
    return invalid('invalid_email')
  }
  return { kind: 'email', value }
}

function invalid(reason: InvalidDestinationReason): InvalidDestination {
  return { kind: 'invalid', reason }
}
