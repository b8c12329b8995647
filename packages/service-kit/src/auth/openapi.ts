import { Type } from '@sinclair/typebox'
import { COMMON_ERRORS, type CommonErrorCode } from '../errors/common-errors.js'
import { PROBLEM_CONTENT_TYPE, ProblemRef, type ProblemResponse } from '../schemas/problem.js'

/** Name of the OpenAPI security scheme every service's document declares. */
export const BEARER_AUTH = 'bearerAuth'

/** The `components.securitySchemes` entry: the auth service's access tokens. */
export const BEARER_AUTH_SCHEME = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'An access token from the auth service (ES256, typ at+jwt), sent as `Authorization: Bearer <token>`.',
} as const

/** `signedIn`: any valid access token; `consultant`: a consultant's. */
export type AuthRequirement = 'signedIn' | 'consultant'

interface AuthResponses {
  401: ProblemResponse
  503: ProblemResponse
}

const WWW_AUTHENTICATE_HEADER = {
  'www-authenticate': Type.String({ description: 'RFC 6750 challenge, e.g. Bearer error="invalid_token"' }),
}
const RETRY_AFTER_HEADER = {
  'retry-after': Type.Integer({ minimum: 0, description: 'Seconds to wait before retrying' }),
}

function response(code: CommonErrorCode, headers?: Record<string, unknown>): ProblemResponse {
  return {
    description: code,
    ...(headers ? { headers } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemRef } },
  } as ProblemResponse
}

function merge(responses: Record<number, unknown>, status: number, addition: ProblemResponse): void {
  const existing = responses[status] as Partial<ProblemResponse> | undefined
  if (existing === undefined) {
    responses[status] = addition
    return
  }
  if (typeof existing.description !== 'string' || existing.content === undefined) {
    throw new Error(`securityFor: the ${status} response is not a problem response and cannot be merged`)
  }
  const codes = existing.description.split(', ')
  const headers: Record<string, unknown> = { ...existing.headers, ...addition.headers }
  responses[status] = {
    ...existing,
    description: codes.includes(addition.description) ? existing.description : `${existing.description}, ${addition.description}`,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  }
}

/**
 * The schema fragment of a guarded route: the bearer security requirement, and the route's responses with
 * 401 (and 403 for consultants) and 503 (keys unavailable) added, merged with problems the route already lists.
 *
 *   schema: { tags: ['consultants'], ...securityFor('consultant', { 200: MeSchema, ...problems() }) }
 */
export function securityFor<const R extends Record<number, unknown>>(
  requirement: AuthRequirement,
  responses: R,
): { security: Array<Record<string, string[]>>; response: R & AuthResponses } {
  const merged: Record<number, unknown> = { ...responses }
  merge(merged, COMMON_ERRORS.COMMON_UNAUTHORIZED.status, response('COMMON_UNAUTHORIZED', WWW_AUTHENTICATE_HEADER))
  if (requirement === 'consultant') merge(merged, COMMON_ERRORS.COMMON_FORBIDDEN.status, response('COMMON_FORBIDDEN'))
  merge(merged, COMMON_ERRORS.COMMON_UNAVAILABLE.status, response('COMMON_UNAVAILABLE', RETRY_AFTER_HEADER))
  return {
    security: [{ [BEARER_AUTH]: [] }],
    response: merged as R & AuthResponses,
  }
}
