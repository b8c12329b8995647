// A type test: never run, only compiled by this package's typecheck, which must find an error on each marked line.
import { AppError } from '@cp/service-kit'
import { authError } from '../src/errors.js'

authError('AUTH_OTP_INVALID')
// @ts-expect-error a misspelt code
authError('AUTH_OTP_INVLAID')
// @ts-expect-error a code of another service's catalog
authError('CONSULTANTS_NOT_FOUND')
// @ts-expect-error an AppError is made only through a catalog's factory
new AppError('AUTH_OTP_INVALID')
