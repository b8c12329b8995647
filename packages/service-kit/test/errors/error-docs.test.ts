import { readFileSync } from 'node:fs'
import { defineErrors } from '@cp/domain'
import t from 'tap'
import { COMMON_ERRORS, errorCodesTable, withErrorCodes } from '../../src/index.js'

const CATALOG = defineErrors({
  SHOP_ITEM_NOT_FOUND: { status: 404, title: { en: 'Item not found', ar: 'العنصر غير موجود' } },
  SHOP_PIPE_BROKEN: { status: 409, title: { en: 'A | in the title', ar: 'خطأ' } },
})

t.test('a catalog becomes a table of code, status and English title, in catalog order', async (t) => {
  t.equal(
    errorCodesTable(CATALOG),
    [
      '| Code | HTTP | Meaning |',
      '| --- | --- | --- |',
      '| `SHOP_ITEM_NOT_FOUND` | 404 | Item not found |',
      '| `SHOP_PIPE_BROKEN` | 409 | A \\| in the title |',
    ].join('\n'),
  )
})

t.test('only the marked block is rewritten, and rewriting again changes nothing', async (t) => {
  const readme = 'intro\n<!-- error-codes:start -->\nold rows\n<!-- error-codes:end -->\noutro\n'
  const once = withErrorCodes(readme, CATALOG)
  t.ok(once.startsWith('intro\n<!-- error-codes:start -->\n'))
  t.ok(once.endsWith(`${errorCodesTable(CATALOG)}\n<!-- error-codes:end -->\noutro\n`))
  t.notMatch(once, /old rows/)
  t.equal(withErrorCodes(once, CATALOG), once)
  t.not(withErrorCodes(once, { ...CATALOG, SHOP_NEW: COMMON_ERRORS.COMMON_INTERNAL }), once, 'a new code shows')
})

t.test('a README without exactly one block is refused, not silently left stale', async (t) => {
  t.throws(() => withErrorCodes('no markers', CATALOG), /error-codes:start/)
  t.throws(() => withErrorCodes('<!-- error-codes:end --> <!-- error-codes:start -->', CATALOG))
  const twice = '<!-- error-codes:start -->\n<!-- error-codes:end -->\n'.repeat(2)
  t.throws(() => withErrorCodes(twice, CATALOG))
})

t.test('the README lists the COMMON codes (pnpm readme:errors rewrites the block)', async (t) => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  t.equal(readme, withErrorCodes(readme, COMMON_ERRORS))
})
