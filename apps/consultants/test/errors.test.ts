import { AppError } from '@cp/service-kit'
import t from 'tap'
import { CONSULTANTS_ERRORS, consultantsError } from '../src/errors.js'

t.test('consultantsError makes an AppError for every code of the catalog', async (t) => {
  for (const code of Object.keys(CONSULTANTS_ERRORS) as Array<keyof typeof CONSULTANTS_ERRORS>) {
    const error = consultantsError(code)
    t.ok(error instanceof AppError)
    t.equal(error.code, code)
  }
})

// Never called: `tsc` (this package's typecheck) must find an error on every marked line.
export function codesOutsideTheCatalogDoNotCompile(): void {
  consultantsError('CONSULTANTS_NOT_FOUND')
  consultantsError('COMMON_VALIDATION')
  // @ts-expect-error a misspelt code
  consultantsError('CONSULTANT_NOT_FOUND')
  // @ts-expect-error a code of another service's catalog
  consultantsError('CATALOG_CATEGORY_NOT_FOUND')
  // @ts-expect-error an AppError is made only through a catalog's factory
  new AppError('CONSULTANTS_NOT_FOUND')
}
