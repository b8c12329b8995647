import { readFileSync } from 'node:fs'
import { withErrorCodes } from '@cp/service-kit'
import t from 'tap'
import { CATALOG_ERRORS } from '../src/errors.js'

t.test('the README lists the codes of the catalog (pnpm readme:errors rewrites the block)', async (t) => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  t.equal(readme, withErrorCodes(readme, CATALOG_ERRORS))
})
