import { type AppError, commonError, type FieldError } from './app-error.js'
import type { CommonErrorCode } from './common-errors.js'

/** The parts of a Fastify / Ajv error this module reads. */
interface FrameworkError {
  code?: unknown
  statusCode?: unknown
  validation?: unknown
  validationContext?: unknown
}

interface AjvErrorLike {
  keyword?: string
  instancePath?: string
  message?: string
  params?: Record<string, unknown>
}

const FASTIFY_CODES: Record<string, CommonErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'COMMON_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'COMMON_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'COMMON_BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'COMMON_BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'COMMON_BAD_REQUEST',
  FST_ERR_BAD_URL: 'COMMON_BAD_REQUEST',
  FST_ERR_NOT_FOUND: 'COMMON_NOT_FOUND',
}

const CODES_BY_STATUS: Record<number, CommonErrorCode> = {
  400: 'COMMON_BAD_REQUEST',
  401: 'COMMON_UNAUTHORIZED',
  403: 'COMMON_FORBIDDEN',
  404: 'COMMON_NOT_FOUND',
  405: 'COMMON_METHOD_NOT_ALLOWED',
  413: 'COMMON_PAYLOAD_TOO_LARGE',
  415: 'COMMON_UNSUPPORTED_MEDIA_TYPE',
  429: 'COMMON_RATE_LIMITED',
}

// Fastify names the query string part `querystring`; problem paths use the shorter URL vocabulary.
const LOCATION_NAMES: Record<string, string> = { querystring: 'query', params: 'params', body: 'body', headers: 'headers' }

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** Turns Ajv errors into `{ path, message }` with a JSON pointer that starts at the request part. */
function toFieldErrors(validation: readonly AjvErrorLike[], context: string | undefined): FieldError[] {
  const location = `/${LOCATION_NAMES[context ?? ''] ?? context ?? 'request'}`
  return validation.map((error) => {
    const params = error.params ?? {}
    let path = `${location}${error.instancePath ?? ''}`
    let message = error.message ?? 'is invalid'
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      path += `/${escapePointer(params.missingProperty)}`
      message = 'is required'
    } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      path += `/${escapePointer(params.additionalProperty)}`
      message = 'is not allowed'
    }
    return { path, message }
  })
}

/**
 * Maps an error raised by Fastify or a plugin to our common codes. Returns undefined for anything
 * that is not a client error: those are bugs or outages and become COMMON_INTERNAL.
 */
export function fromFrameworkError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, statusCode, validation, validationContext } = error as FrameworkError
  if (Array.isArray(validation)) {
    const context = typeof validationContext === 'string' ? validationContext : undefined
    return commonError('COMMON_VALIDATION', { errors: toFieldErrors(validation as AjvErrorLike[], context), cause: error })
  }
  const mapped = typeof code === 'string' ? FASTIFY_CODES[code] : undefined
  if (mapped) return commonError(mapped, { cause: error })
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return commonError(CODES_BY_STATUS[statusCode] ?? 'COMMON_BAD_REQUEST', { cause: error })
  }
  return undefined
}
