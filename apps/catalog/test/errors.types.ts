// A type test: never run, only compiled by this package's typecheck, which must find an error on each marked line.
import { AppError } from '@cp/service-kit'
import { catalogError } from '../src/errors.js'

catalogError('CATALOG_CATEGORY_NOT_FOUND')
// @ts-expect-error a misspelt code
catalogError('CATALOG_CATEGORY_MISSING')
// @ts-expect-error a code of another service's catalog
catalogError('CONSULTANTS_NOT_FOUND')
// @ts-expect-error an AppError is made only through a catalog's factory
new AppError('CATALOG_CATEGORY_NOT_FOUND')
