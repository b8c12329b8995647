import t from 'tap'
import { INELIGIBILITY_REASONS } from '../src/eligibility.js'
import { consultantEligibilityErrors, eligibilityErrorCode } from '../src/eligibility-errors.js'

const ARABIC_LETTER = /[\u0600-\u06FF]/

t.test('every ineligibility reason maps to its own AUTH_CONSULTANT_ code in the catalog', async (t) => {
  const codes = INELIGIBILITY_REASONS.map(eligibilityErrorCode)
  t.equal(new Set(codes).size, INELIGIBILITY_REASONS.length, 'codes are distinct')
  t.same(codes.toSorted(), Object.keys(consultantEligibilityErrors).toSorted(), 'the catalog has exactly these codes')
  t.equal(eligibilityErrorCode('CONTRACT_EXPIRED'), 'AUTH_CONSULTANT_CONTRACT_EXPIRED')
  t.equal(eligibilityErrorCode('CUSTOMER_MISSING'), 'AUTH_CONSULTANT_CUSTOMER_MISSING')
})

t.test('every code is a 403 with an English and an Arabic title', async (t) => {
  for (const [code, definition] of Object.entries(consultantEligibilityErrors)) {
    t.equal(definition.status, 403, code)
    t.ok(definition.title.en.trim().length > 0, `${code} has an English title`)
    t.notMatch(definition.title.en, ARABIC_LETTER, `${code} English title is English`)
    t.match(definition.title.ar, ARABIC_LETTER, `${code} has an Arabic title`)
  }
  const titles = Object.values(consultantEligibilityErrors).map((d) => d.title.en)
  t.equal(new Set(titles).size, titles.length, 'titles tell the reasons apart')
})
