// A type test: never run, only compiled by this package's typecheck, which must find an error on each marked line.
import { AppError } from '@cp/service-kit'
import { consultantsError } from '../src/errors.js'

consultantsError('CONSULTANTS_NOT_FOUND')
// @ts-expect-error a misspelt code
consultantsError('CONSULTANT_NOT_FOUND')
// @ts-expect-error a code of another service's catalog
consultantsError('CATALOG_CATEGORY_NOT_FOUND')
// @ts-expect-error an AppError is made only through a catalog's factory
new AppError('CONSULTANTS_NOT_FOUND')
