import t from 'tap'
import { decimalToNumber, optionalDecimalToNumber } from '../src/decimal.js'

t.test('decimalToNumber reads numbers, strings and Decimal-like objects', async (t) => {
  t.equal(decimalToNumber(12.5), 12.5)
  t.equal(decimalToNumber('150.50'), 150.5)
  t.equal(decimalToNumber(' 3.00 '), 3)
  t.equal(decimalToNumber('-0.25'), -0.25)
  t.equal(decimalToNumber({ toString: () => '99999999.99' }), 99999999.99)
  t.equal(decimalToNumber({ toString: () => '1e+3' }), 1000, "Decimal's exponent notation")
})

t.test('decimalToNumber rejects what is not a finite number', async (t) => {
  for (const value of ['', '  ', 'abc', 'NaN', 'Infinity', '1,5', Number.NaN, Number.POSITIVE_INFINITY, {}]) {
    t.throws(() => decimalToNumber(value), TypeError, `rejects ${String(value)}`)
  }
})

t.test('optionalDecimalToNumber keeps a missing value missing', async (t) => {
  t.equal(optionalDecimalToNumber(null), null)
  t.equal(optionalDecimalToNumber(undefined), null)
  t.equal(optionalDecimalToNumber('0.00'), 0)
})
