import { defineErrors } from '@cp/domain'
import t from 'tap'
import { AppError, errorFactory } from '../../src/index.js'

const SHOP_ERRORS = defineErrors({
  SHOP_ITEM_NOT_FOUND: { status: 404, title: { en: 'Item not found', ar: 'العنصر غير موجود' } },
})
const shopError = errorFactory(SHOP_ERRORS)

t.test('a factory makes AppErrors with the codes of its catalog and the common ones', async (t) => {
  const error = shopError('SHOP_ITEM_NOT_FOUND', { params: { id: 7 }, headers: { 'retry-after': '1' } })
  t.ok(error instanceof AppError)
  t.equal(error.code, 'SHOP_ITEM_NOT_FOUND')
  t.same(error.params, { id: 7 })
  t.same(error.headers, { 'retry-after': '1' })
  t.equal(shopError('COMMON_NOT_FOUND').code, 'COMMON_NOT_FOUND')
})

// Never called: what matters is that `tsc` (the package's typecheck) accepts the lines marked as errors only as errors.
export function codesOutsideTheCatalogDoNotCompile(): void {
  // @ts-expect-error a misspelt code
  shopError('SHOP_ITEM_NOT_FOUNDD')
  // @ts-expect-error a code of another catalog
  shopError('AUTH_OTP_INVALID')
  // @ts-expect-error no code at all
  shopError('')
  // @ts-expect-error the constructor is protected: no AppError without a catalog
  new AppError('SHOP_ITEM_NOT_FOUND')
  const code: string = 'SHOP_ITEM_NOT_FOUND'
  // @ts-expect-error a string that is not known to be a catalog code
  shopError(code)
}
