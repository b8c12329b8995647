import type { ErrorCatalog, Localized } from '@cp/domain'
import type { CommonErrorCode } from './common-errors.js'

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

/** Makes the errors of one catalog; `Code` is what that catalog (with COMMON) defines and nothing else. */
export type ErrorFactory<Code extends string> = <C extends Code>(code: C, options?: AppErrorOptions) => AppError<C>

/**
 * An expected failure with a stable code from an error catalog. The HTTP status and the
 * localized title come from the catalog when the error is rendered, so they cannot drift apart.
 *
 * The constructor is protected: errors are made by a catalog's factory (`errorFactory(AUTH_ERRORS)`), so a code
 * the catalog does not define fails to compile instead of becoming a 500 at run time.
 */
export class AppError<Code extends string = string> extends Error {
  readonly code: Code
  readonly detail: string | Localized | undefined
  readonly params: Readonly<Record<string, string | number>>
  readonly headers: Readonly<Record<string, string>>
  readonly errors: readonly FieldError[] | undefined

  protected constructor(code: Code, options: AppErrorOptions = {}) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.detail = options.detail
    this.params = options.params ?? {}
    this.headers = options.headers ?? {}
    this.errors = options.errors
  }

  /**
   * The error factory of a service catalog; the catalog serves only as the source of the code type, and must be the
   * one the service registers (`buildService({ errors })`).
   *
   *   export const authError = errorFactory(AUTH_ERRORS)
   *   throw authError('AUTH_OTP_INVALID')
   */
  static factory<const C extends ErrorCatalog>(_catalog: C): ErrorFactory<CommonErrorCode | (keyof C & string)> {
    return (code, options) => new AppError(code, options)
  }
}

export const errorFactory = AppError.factory

/** The codes every service has, for service-kit itself. */
export const commonError = errorFactory({})
