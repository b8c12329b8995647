import { writeErrorCodes } from '@cp/service-kit'
import { CATALOG_ERRORS } from '../src/errors.js'

writeErrorCodes(new URL('../README.md', import.meta.url), CATALOG_ERRORS)
