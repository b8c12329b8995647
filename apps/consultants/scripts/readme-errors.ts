import { writeErrorCodes } from '@cp/service-kit'
import { CONSULTANTS_ERRORS } from '../src/errors.js'

writeErrorCodes(new URL('../README.md', import.meta.url), CONSULTANTS_ERRORS)
