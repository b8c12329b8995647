import { AppError } from '@cp/service-kit'
import t from 'tap'
import { CATALOG_ERRORS, catalogError } from '../src/errors.js'

t.test('catalogError makes an AppError for every code of the catalog', async (t) => {
  for (const code of Object.keys(CATALOG_ERRORS) as Array<keyof typeof CATALOG_ERRORS>) {
    const error = catalogError(code)
    t.ok(error instanceof AppError)
    t.equal(error.code, code)
  }
})

// Never called: `tsc` (this package's typecheck) must find an error on every marked line.
export function codesOutsideTheCatalogDoNotCompile(): void {
  catalogError('CATALOG_CATEGORY_NOT_FOUND')
  catalogError('COMMON_VALIDATION')
  // @ts-expect-error a misspelt code
  catalogError('CATALOG_CATEGORY_MISSING')
  // @ts-expect-error a code of another service's catalog
  catalogError('CONSULTANTS_NOT_FOUND')
  // @ts-expect-error an AppError is made only through a catalog's factory
  new AppError('CATALOG_CATEGORY_NOT_FOUND')
}
