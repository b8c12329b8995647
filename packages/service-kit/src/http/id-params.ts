import { MAX_INT_ID } from '@cp/domain'
import { Type } from '@sinclair/typebox'
import { commonError } from '../errors/app-error.js'

/**
 * Canonical decimals from 1 to 2147483647 (MAX_INT_ID, the largest signed INT): up to nine digits, or ten digits
 * not above the bound, spelled out digit by digit so the document states the real range and not just "ten digits".
 */
export const INT_ID_PATTERN =
  '^(?:[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}' +
  '|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])$'

/**
 * `/:id` of a legacy INT key. Ids travel as canonical decimal strings, so `1e3`, `012`, `-1` or ` 1` are
 * refused by the schema instead of being coerced into another id, and so is anything above the INT column.
 */
export const IdParamsSchema = Type.Object(
  {
    id: Type.String({
      pattern: INT_ID_PATTERN,
      description: `A positive integer id in plain decimal digits, from 1 to ${MAX_INT_ID}`,
      examples: ['42'],
    }),
  },
  { additionalProperties: false },
)

/**
 * The branded id of a route's `:id`, parsed with the domain's `tryParseX`. The schema has checked shape and
 * range; this keeps the brand honest should a route use a looser schema (400, like any malformed id).
 */
export function idParam<Id>(tryParse: (input: unknown) => Id | undefined, raw: string): Id {
  const id = tryParse(raw)
  if (id === undefined) {
    throw commonError('COMMON_VALIDATION', {
      errors: [{ path: '/params/id', message: `must be a positive integer no greater than ${MAX_INT_ID}` }],
    })
  }
  return id
}
