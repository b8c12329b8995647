import t from 'tap'
import { DEFAULT_LOCALE, localizedPair, pickLocalized, resolveLocale } from '../src/locale.js'

t.test('resolveLocale falls back to English without a usable header', async (t) => {
  t.equal(DEFAULT_LOCALE, 'en')
  for (const header of [undefined, null, '', '   ', '*', 'fr', 'fr-FR, de;q=0.9', 'arabic', 'e n', ',,,']) {
    t.equal(resolveLocale(header), 'en', `header ${JSON.stringify(header)}`)
  }
})

t.test('resolveLocale matches the language of a region tag, case-insensitively', async (t) => {
  t.equal(resolveLocale('ar'), 'ar')
  t.equal(resolveLocale('ar-SA'), 'ar')
  t.equal(resolveLocale('AR-sa'), 'ar')
  t.equal(resolveLocale('en-GB'), 'en')
  t.equal(resolveLocale('fr-FR, ar-EG;q=0.5'), 'ar', 'skips unsupported languages')
})

t.test('resolveLocale honours quality values', async (t) => {
  t.equal(resolveLocale('en;q=0.5, ar'), 'ar', 'ar has the implicit q=1')
  t.equal(resolveLocale('ar;q=0.4, en;q=0.8'), 'en')
  t.equal(resolveLocale('en;q=0.8, ar;q=0.9'), 'ar')
  t.equal(resolveLocale('ar , en'), 'ar', 'equal quality keeps the first listed')
  t.equal(resolveLocale('en, ar'), 'en')
  t.equal(resolveLocale(' ar ; q=0.7 '), 'ar', 'whitespace around parameters')
})

t.test('resolveLocale ignores languages refused or with broken quality', async (t) => {
  t.equal(resolveLocale('ar;q=0'), 'en', 'q=0 means not acceptable')
  t.equal(resolveLocale('ar;q=0, en;q=0.1'), 'en')
  t.equal(resolveLocale('en;q=0, ar;q=0.1'), 'ar')
  t.equal(resolveLocale('ar;q=abc'), 'en', 'an unparsable quality is ignored')
  t.equal(resolveLocale('ar;q=-1'), 'en')
})

t.test('resolveLocale only reads the first 256 characters of a header', async (t) => {
  t.equal(resolveLocale(`${'x-foo, '.repeat(40)}ar`), 'en', 'a language past the limit is not seen')
  t.equal(resolveLocale(`ar, ${'x-foo, '.repeat(40)}`), 'ar')
})

t.test('pickLocalized prefers the requested language', async (t) => {
  const pair = { ar: 'استشارات قانونية', en: 'Legal consultations' }
  t.equal(pickLocalized(pair, 'ar'), 'استشارات قانونية')
  t.equal(pickLocalized(pair, 'en'), 'Legal consultations')
})

t.test('pickLocalized falls back to the other language when one is empty', async (t) => {
  t.equal(pickLocalized({ ar: null, en: 'Only English' }, 'ar'), 'Only English')
  t.equal(pickLocalized({ ar: '   ', en: 'Only English' }, 'ar'), 'Only English', 'whitespace counts as empty')
  t.equal(pickLocalized({ ar: 'عربي فقط', en: '' }, 'en'), 'عربي فقط')
  t.equal(pickLocalized({ ar: null, en: null }, 'en'), null)
  t.equal(pickLocalized({ ar: ' ', en: '\n' }, 'ar'), null)
})

t.test('localizedPair keeps both texts, with blank ones as null', async (t) => {
  t.same(localizedPair({ ar: 'قانون', en: 'Law' }), { en: 'Law', ar: 'قانون' })
  t.same(localizedPair({ ar: '  ', en: null }), { en: null, ar: null })
  t.same(localizedPair({ ar: null, en: ' Law ' }), { en: ' Law ', ar: null }, 'text is not otherwise altered')
})
