import { AppError } from '@cp/service-kit'
import t from 'tap'
import { AUTH_ERRORS, authError } from '../src/errors.js'

t.test('authError makes an AppError for every code of the catalog', async (t) => {
  for (const code of Object.keys(AUTH_ERRORS) as Array<keyof typeof AUTH_ERRORS>) {
    const error = authError(code)
    t.ok(error instanceof AppError)
    t.equal(error.code, code)
  }
})

// Never called: `tsc` (this package's typecheck) must find an error on every marked line.
export function codesOutsideTheCatalogDoNotCompile(): void {
  authError('AUTH_OTP_INVALID')
  authError('COMMON_VALIDATION')
  // @ts-expect-error a misspelt code
  authError('AUTH_OTP_INVLAID')
  // @ts-expect-error a code of another service's catalog
  authError('CONSULTANTS_NOT_FOUND')
  // @ts-expect-error an AppError is made only through a catalog's factory
  new AppError('AUTH_OTP_INVALID')
}
