/** A `DECIMAL` column as it may arrive: Prisma's Decimal object, a string from a raw query, or a number. */
export type DecimalLike = number | string | { toString(): string }

/**
 * Converts a decimal column to a JS number for API responses. Fine for prices (`DECIMAL(10,2)`) and ratings; not for
 * arithmetic on money, which should stay in Decimal. Throws on a value that is not a finite number (a caller bug).
 */
export function decimalToNumber(value: DecimalLike): number {
  const text = String(value).trim()
  // Number('') is 0, but an empty value is not a zero price.
  const number = text === '' ? Number.NaN : Number(text)
  if (!Number.isFinite(number)) throw new TypeError(`Not a finite decimal: ${JSON.stringify(text.slice(0, 40))}`)
  return number
}

export function optionalDecimalToNumber(value: DecimalLike | null | undefined): number | null {
  return value === null || value === undefined ? null : decimalToNumber(value)
}
