import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * The spellings a legacy row may hold for one E.164 number (`+966501234567`): the international forms with `+`,
 * `00` or neither, and the national forms with and without the trunk prefix (`0501234567`, `501234567`). Matching
 * on all of them finds an account created by the legacy application, so a verified number never gets a duplicate.
 */
export function phoneLookupVariants(e164: string): string[] {
  const variants = new Set([e164])
  const parsed = parsePhoneNumberFromString(e164)
  if (parsed) {
    const digits = `${parsed.countryCallingCode}${parsed.nationalNumber}`
    variants.add(digits)
    variants.add(`00${digits}`)
    variants.add(parsed.nationalNumber)
    variants.add(parsed.formatNational().replace(/[^0-9]/g, ''))
  }
  return [...variants]
}
