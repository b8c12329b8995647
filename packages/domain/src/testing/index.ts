// Test fixtures shared by the services' route tests; never imported by service code.
export { mediaUrlProblems, ODD_MEDIA_VALUES } from './odd-media.js'
