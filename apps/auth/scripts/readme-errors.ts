import { writeErrorCodes } from '@cp/service-kit'
import { AUTH_ERRORS } from '../src/errors.js'

writeErrorCodes(new URL('../README.md', import.meta.url), AUTH_ERRORS)
