import type { Localized } from '@cp/domain'

/** One failed check of the request, e.g. `{ path: '/query/page', message: 'must be >= 1' }`. */
export interface FieldError {
  readonly path: string
  readonly message: string
}

export interface AppErrorOptions {
  /** Replaces the catalog title as the problem's `detail`; `{name}` placeholders are filled from `params`. */
  readonly detail?: string | Localized
  readonly params?: Readonly<Record<string, string | number>>
  /** Response headers that belong to this error, such as `Retry-After`. */
  readonly headers?: Readonly<Record<string, string>>
  readonly errors?: readonly FieldError[]
  readonly cause?: unknown
}

/**
 * An expected failure with a stable code from an error catalog. The HTTP status and the
 * localized title come from the catalog when the error is rendered, so they cannot drift apart.
 */
export class AppError<Code extends string = string> extends Error {
  readonly code: Code
  readonly detail: string | Localized | undefined
  readonly params: Readonly<Record<string, string | number>>
  readonly headers: Readonly<Record<string, string>>
  readonly errors: readonly FieldError[] | undefined

  constructor(code: Code, options: AppErrorOptions = {}) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.detail = options.detail
    this.params = options.params ?? {}
    this.headers = options.headers ?? {}
    this.errors = options.errors
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
