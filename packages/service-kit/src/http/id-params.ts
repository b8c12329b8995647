import { MAX_INT_ID } from '@cp/domain'
import { Type } from '@sinclair/typebox'
import { AppError } from '../errors/app-error.js'

/**
 * `/:id` of a legacy INT key. Ids travel as canonical decimal strings, so `1e3`, `012`, `-1` or ` 1` are
 * refused by the schema instead of being coerced into another id.
 */
export const IdParamsSchema = Type.Object(
  { id: Type.String({ pattern: '^[1-9][0-9]{0,9}$', description: `A positive integer id, at most ${MAX_INT_ID}` }) },
  { additionalProperties: false },
)

/**
 * The branded id of a route's `:id`, parsed with the domain's `tryParseX`. The schema has checked the
 * shape; this refuses a well-formed id beyond the INT column (400, like any malformed id).
 */
export function idParam<Id>(tryParse: (input: unknown) => Id | undefined, raw: string): Id {
  const id = tryParse(raw)
  if (id === undefined) {
    throw new AppError('COMMON_VALIDATION', {
      errors: [{ path: '/params/id', message: `must be a positive integer no greater than ${MAX_INT_ID}` }],
    })
  }
  return id
}
