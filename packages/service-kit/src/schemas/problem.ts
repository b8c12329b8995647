import { STATUS_CODES } from 'node:http'
import type { ErrorCatalog } from '@cp/domain'
import { type Static, Type } from '@sinclair/typebox'
import { COMMON_ERRORS, type CommonErrorCode } from '../errors/common-errors.js'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

const FieldErrorSchema = Type.Object(
  {
    path: Type.String({ description: 'Where the failure is, e.g. /query/page or /body/email' }),
    message: Type.String(),
  },
  { additionalProperties: false },
)

/** RFC 9457 problem details, with our stable `code` and the request id. Added to every app as `Problem`. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI identifying the problem type, stable per code' }),
    title: Type.String({ description: 'Short summary in the request language' }),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.Optional(Type.String({ description: 'Explanation of this occurrence in the request language' })),
    code: Type.String({ description: 'Stable machine-readable error code', examples: ['COMMON_VALIDATION'] }),
    instance: Type.Optional(Type.String({ description: 'The request path' })),
    requestId: Type.String({ description: 'Echoes the x-request-id response header' }),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { $id: 'Problem', title: 'Problem', additionalProperties: false },
)

export type Problem = Static<typeof ProblemSchema>

/** `$ref` to the shared `Problem` schema that keeps its static type. */
export const ProblemRef = Type.Unsafe<Problem>(Type.Ref('Problem'))

const RetryAfterHeader = {
  'retry-after': Type.Integer({ minimum: 0, description: 'Seconds to wait before retrying' }),
}

function problemResponse(description: string, withRetryAfter: boolean) {
  return {
    description,
    ...(withRetryAfter ? { headers: RetryAfterHeader } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemRef } },
  }
}

export type ProblemResponse = ReturnType<typeof problemResponse>

/**
 * Answers every route can give: invalid request, rate limited, internal error, and 503 while a dependency (the
 * database of every service) cannot be reached.
 */
const STANDARD_CODES: CommonErrorCode[] = [
  'COMMON_VALIDATION',
  'COMMON_BAD_REQUEST',
  'COMMON_RATE_LIMITED',
  'COMMON_INTERNAL',
  'COMMON_UNAVAILABLE',
]

/**
 * Builds `problemResponses` for a service catalog: each argument is an error code of that catalog
 * (or of COMMON) or a bare HTTP status. Codes become the response descriptions in the OpenAPI document.
 *
 *   const problems = problemResponsesFor(CATALOG_ERRORS)
 *   schema: { response: { 200: CategoryListSchema, ...problems('CATALOG_CATEGORY_NOT_FOUND') } }
 */
export function problemResponsesFor<const C extends ErrorCatalog>(catalog: C) {
  const known: ErrorCatalog = { ...COMMON_ERRORS, ...catalog }
  return (...items: Array<number | CommonErrorCode | (keyof C & string)>): Record<number, ProblemResponse> => {
    const byStatus = new Map<number, string[]>()
    const add = (status: number, code?: string) => {
      const codes = byStatus.get(status) ?? []
      if (code !== undefined && !codes.includes(code)) codes.push(code)
      byStatus.set(status, codes)
    }
    for (const code of STANDARD_CODES) add(COMMON_ERRORS[code].status, code)
    for (const item of items) {
      if (typeof item === 'number') {
        if (!Number.isInteger(item) || item < 400 || item > 599) throw new Error(`${item} is not an error status`)
        add(item)
        continue
      }
      const definition = known[item]
      if (!definition) throw new Error(`Unknown error code ${item}`)
      add(definition.status, item)
    }
    const responses: Record<number, ProblemResponse> = {}
    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
      const description = codes.length > 0 ? codes.join(', ') : (STATUS_CODES[status] ?? 'Error')
      responses[status] = problemResponse(description, status === 429 || status === 503)
    }
    return responses
  }
}

/** Problem responses by HTTP status (or COMMON code), plus the standard 400, 429, 500 and 503. */
export const problemResponses = problemResponsesFor({})
