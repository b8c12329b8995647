import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * The spellings a legacy row may hold for one E.164 number (`+966501234567`), once its separators are gone (the
 * database compares them with `customers.Phone_Lookup`, the stored phone reduced to ASCII digits and `+`): the
 * international forms with `+`, `00` or neither, the national forms with and without the trunk prefix
 * (`0501234567`, `501234567`), and the international forms that kept the trunk prefix (`+966 (0)50 123 4567`).
 * Matching on all of them finds an account created by the legacy application, so a verified number never gets a
 * duplicate. Every variant keeps the whole national number, so no other valid number shares one.
 */
export function phoneLookupVariants(e164: string): string[] {
  const variants = new Set([e164])
  const parsed = parsePhoneNumberFromString(e164)
  if (parsed) {
    const countryCode = parsed.countryCallingCode
    const national = parsed.nationalNumber
    const withTrunk = parsed.formatNational().replace(/[^0-9]/g, '')
    for (const nationalForm of new Set([national, withTrunk])) {
      variants.add(`+${countryCode}${nationalForm}`)
      variants.add(`${countryCode}${nationalForm}`)
      variants.add(`00${countryCode}${nationalForm}`)
      variants.add(nationalForm)
    }
  }
  return [...variants]
}
