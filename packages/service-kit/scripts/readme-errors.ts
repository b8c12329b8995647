import { COMMON_ERRORS, writeErrorCodes } from '../src/index.js'

writeErrorCodes(new URL('../README.md', import.meta.url), COMMON_ERRORS)
