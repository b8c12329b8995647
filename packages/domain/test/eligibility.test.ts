import t from 'tap'
import {
  checkConsultantEligibility,
  INELIGIBILITY_REASONS,
  type EligibilityFacts,
  type EligibilityResult,
  type OrderStatus,
} from '../src/eligibility.js'

const RIYADH = 'Asia/Riyadh' // UTC+3, no DST

/** A legacy DATE column as Prisma returns it. */
const day = (date: string) => new Date(`${date}T00:00:00Z`)
/** An instant given in Riyadh wall-clock time. */
const riyadh = (dateTime: string) => new Date(`${dateTime}+03:00`)

const NOW = riyadh('2025-06-15T12:00:00')

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    customer: { accountStatus: 'Active' },
    consultant: { consultantStatus: 'Active' },
    order: { orderStatus: 'Approved' },
    contract: { startDate: day('2025-01-01'), endDate: day('2025-12-31') },
    license: { expiryDate: day('2026-03-31') },
    ...overrides,
  }
}

function reasonOf(result: EligibilityResult): string | undefined {
  return result.eligible ? undefined : result.reason
}

function notAfterOf(result: EligibilityResult): string | undefined {
  return result.eligible ? result.notAfter.toISOString() : undefined
}

t.test('an eligible consultant gets the end of the earlier of contract end and license expiry', async (t) => {
  const result = checkConsultantEligibility(facts(), NOW, RIYADH)
  t.same(result, { eligible: true, notAfter: riyadh('2026-01-01T00:00:00') }, 'contract ends first')

  const licenseFirst = checkConsultantEligibility(facts({ license: { expiryDate: day('2025-09-30') } }), NOW, RIYADH)
  t.equal(notAfterOf(licenseFirst), '2025-09-30T21:00:00.000Z', 'license expires first: end of 2025-09-30 in Riyadh')
})

t.test('customer account', async (t) => {
  t.equal(reasonOf(checkConsultantEligibility(facts({ customer: null }), NOW, RIYADH)), 'CUSTOMER_MISSING')
  t.equal(
    reasonOf(checkConsultantEligibility(facts({ customer: { accountStatus: 'Disabled' } }), NOW, RIYADH)),
    'CUSTOMER_DISABLED',
  )
})

t.test('consultant row', async (t) => {
  t.equal(reasonOf(checkConsultantEligibility(facts({ consultant: null }), NOW, RIYADH)), 'CONSULTANT_MISSING')
  t.equal(
    reasonOf(checkConsultantEligibility(facts({ consultant: { consultantStatus: 'Disabled' } }), NOW, RIYADH)),
    'CONSULTANT_DISABLED',
  )
})

t.test('consultations order', async (t) => {
  const withOrder = (orderStatus: OrderStatus) => checkConsultantEligibility(facts({ order: { orderStatus } }), NOW, RIYADH)
  t.equal(reasonOf(checkConsultantEligibility(facts({ order: null }), NOW, RIYADH)), 'ORDER_MISSING')
  t.equal(reasonOf(withOrder('Pending')), 'ORDER_PENDING')
  t.equal(reasonOf(withOrder('Rejected')), 'ORDER_REJECTED')
  t.equal(withOrder('Approved').eligible, true)
})

t.test('unrecognised statuses fail closed', async (t) => {
  const odd = '' as never
  t.equal(reasonOf(checkConsultantEligibility(facts({ customer: { accountStatus: odd } }), NOW, RIYADH)), 'CUSTOMER_DISABLED')
  t.equal(
    reasonOf(checkConsultantEligibility(facts({ consultant: { consultantStatus: odd } }), NOW, RIYADH)),
    'CONSULTANT_DISABLED',
  )
  t.equal(reasonOf(checkConsultantEligibility(facts({ order: { orderStatus: odd } }), NOW, RIYADH)), 'ORDER_PENDING')
})

t.test('a contract ending today is valid through the end of that local day', async (t) => {
  const endsToday = facts({ contract: { startDate: day('2025-01-01'), endDate: day('2025-06-15') } })
  const endOfDay = '2025-06-15T21:00:00.000Z' // 2025-06-16 00:00 in Riyadh

  // 00:00:01 in Riyadh is still 2025-06-14 in UTC: the zone decides the day, not UTC.
  const earlyMorning = checkConsultantEligibility(endsToday, riyadh('2025-06-15T00:00:01'), RIYADH)
  t.equal(notAfterOf(earlyMorning), endOfDay, 'at 00:00:01 local')
  t.equal(notAfterOf(checkConsultantEligibility(endsToday, NOW, RIYADH)), endOfDay, 'at noon local')
  t.equal(notAfterOf(checkConsultantEligibility(endsToday, riyadh('2025-06-15T23:59:59'), RIYADH)), endOfDay, 'at 23:59:59')
  t.equal(
    notAfterOf(checkConsultantEligibility(endsToday, riyadh('2025-06-15T23:59:59.999'), RIYADH)),
    endOfDay,
    'the last millisecond',
  )
  t.equal(
    reasonOf(checkConsultantEligibility(endsToday, riyadh('2025-06-16T00:00:00'), RIYADH)),
    'CONTRACT_EXPIRED',
    'expired exactly at notAfter',
  )
  // 21:00 UTC on the 15th is already the 16th in Riyadh, although the UTC date still equals the End_Date.
  t.equal(reasonOf(checkConsultantEligibility(endsToday, new Date('2025-06-15T21:00:00Z'), RIYADH)), 'CONTRACT_EXPIRED')
})

t.test('a contract that ended yesterday is expired; one ending tomorrow is valid', async (t) => {
  const endedYesterday = facts({ contract: { startDate: day('2025-01-01'), endDate: day('2025-06-14') } })
  t.equal(reasonOf(checkConsultantEligibility(endedYesterday, riyadh('2025-06-15T00:00:00'), RIYADH)), 'CONTRACT_EXPIRED')
  t.equal(reasonOf(checkConsultantEligibility(endedYesterday, NOW, RIYADH)), 'CONTRACT_EXPIRED')

  const endsTomorrow = facts({ contract: { startDate: day('2025-01-01'), endDate: day('2025-06-16') } })
  t.equal(notAfterOf(checkConsultantEligibility(endsTomorrow, NOW, RIYADH)), '2025-06-16T21:00:00.000Z')
})

t.test('a contract is valid from the start of its first local day, not before', async (t) => {
  const startsToday = facts({ contract: { startDate: day('2025-06-15'), endDate: day('2025-12-31') } })
  t.equal(checkConsultantEligibility(startsToday, riyadh('2025-06-15T00:00:00'), RIYADH).eligible, true, 'at 00:00 local')
  t.equal(
    reasonOf(checkConsultantEligibility(startsToday, riyadh('2025-06-14T23:59:59'), RIYADH)),
    'CONTRACT_NOT_STARTED',
    'a second before',
  )
  const startsTomorrow = facts({ contract: { startDate: day('2025-06-16'), endDate: day('2025-12-31') } })
  t.equal(reasonOf(checkConsultantEligibility(startsTomorrow, NOW, RIYADH)), 'CONTRACT_NOT_STARTED')
})

t.test('a one-day contract covers exactly that local day', async (t) => {
  const oneDay = facts({ contract: { startDate: day('2025-06-15'), endDate: day('2025-06-15') } })
  t.equal(notAfterOf(checkConsultantEligibility(oneDay, NOW, RIYADH)), '2025-06-15T21:00:00.000Z')
})

t.test('a missing contract', async (t) => {
  t.equal(reasonOf(checkConsultantEligibility(facts({ contract: null }), NOW, RIYADH)), 'CONTRACT_MISSING')
  t.equal(reasonOf(checkConsultantEligibility(facts({ contract: [] }), NOW, RIYADH)), 'CONTRACT_MISSING', 'no rows')
})

t.test('with several contracts, the one in effect that ends last counts', async (t) => {
  const current = { startDate: day('2025-01-01'), endDate: day('2025-06-30') }
  const renewal = { startDate: day('2025-07-01'), endDate: day('2026-06-30') }
  const old = { startDate: day('2024-01-01'), endDate: day('2024-12-31') }
  const overlapping = { startDate: day('2025-03-01'), endDate: day('2025-09-30') }

  t.equal(
    notAfterOf(checkConsultantEligibility(facts({ contract: [old, renewal, current] }), NOW, RIYADH)),
    '2025-06-30T21:00:00.000Z',
    'a renewal starting later neither blocks nor extends the current contract',
  )
  t.equal(
    notAfterOf(checkConsultantEligibility(facts({ contract: [current, overlapping] }), NOW, RIYADH)),
    '2025-09-30T21:00:00.000Z',
  )
  t.equal(reasonOf(checkConsultantEligibility(facts({ contract: [old, renewal] }), NOW, RIYADH)), 'CONTRACT_NOT_STARTED')
  t.equal(reasonOf(checkConsultantEligibility(facts({ contract: [old] }), NOW, RIYADH)), 'CONTRACT_EXPIRED')
})

t.test('unreadable contract or license dates never make a consultant eligible', async (t) => {
  const invalid = new Date(Number.NaN)
  t.equal(
    reasonOf(checkConsultantEligibility(facts({ contract: { startDate: invalid, endDate: day('2025-12-31') } }), NOW, RIYADH)),
    'CONTRACT_EXPIRED',
  )
  t.equal(
    reasonOf(checkConsultantEligibility(facts({ contract: { startDate: day('2025-01-01'), endDate: invalid } }), NOW, RIYADH)),
    'CONTRACT_EXPIRED',
  )
  t.equal(reasonOf(checkConsultantEligibility(facts({ license: { expiryDate: invalid } }), NOW, RIYADH)), 'LICENSE_EXPIRED')
})

t.test('license expiry follows the same day rules', async (t) => {
  const withExpiry = (date: string) => facts({ license: { expiryDate: day(date) } })
  t.equal(reasonOf(checkConsultantEligibility(facts({ license: null }), NOW, RIYADH)), 'LICENSE_MISSING')
  t.equal(reasonOf(checkConsultantEligibility(facts({ license: [] }), NOW, RIYADH)), 'LICENSE_MISSING')
  t.equal(reasonOf(checkConsultantEligibility(withExpiry('2025-06-14'), NOW, RIYADH)), 'LICENSE_EXPIRED', 'yesterday')
  t.equal(notAfterOf(checkConsultantEligibility(withExpiry('2025-06-15'), riyadh('2025-06-15T23:59:59'), RIYADH)), '2025-06-15T21:00:00.000Z')
  t.equal(reasonOf(checkConsultantEligibility(withExpiry('2025-06-15'), riyadh('2025-06-16T00:00:00'), RIYADH)), 'LICENSE_EXPIRED')
  t.equal(
    notAfterOf(
      checkConsultantEligibility(
        facts({ license: [{ expiryDate: day('2025-05-01') }, { expiryDate: day('2025-08-01') }, { expiryDate: day('2025-07-01') }] }),
        NOW,
        RIYADH,
      ),
    ),
    '2025-08-01T21:00:00.000Z',
    'the latest valid license counts',
  )
})

t.test('the platform time zone decides the day in both directions', async (t) => {
  const endsOnTheFifteenth = facts({ contract: { startDate: day('2025-01-01'), endDate: day('2025-06-15') } })
  // 02:00 UTC on the 16th is 22:00 on the 15th in New York: still valid there, expired in UTC and Riyadh.
  const instant = new Date('2025-06-16T02:00:00Z')
  t.equal(notAfterOf(checkConsultantEligibility(endsOnTheFifteenth, instant, 'America/New_York')), '2025-06-16T04:00:00.000Z')
  t.equal(reasonOf(checkConsultantEligibility(endsOnTheFifteenth, instant, 'UTC')), 'CONTRACT_EXPIRED')
  t.equal(reasonOf(checkConsultantEligibility(endsOnTheFifteenth, instant, RIYADH)), 'CONTRACT_EXPIRED')
})

t.test('an unknown time zone is a configuration error', async (t) => {
  t.throws(() => checkConsultantEligibility(facts(), NOW, 'Not/A_Zone'), RangeError)
})

t.test('the first failing rule wins when several fail', async (t) => {
  const allBroken: EligibilityFacts = {
    customer: null,
    consultant: null,
    order: null,
    contract: null,
    license: null,
  }
  const steps: Array<[Partial<EligibilityFacts>, string]> = [
    [{}, 'CUSTOMER_MISSING'],
    [{ customer: { accountStatus: 'Disabled' } }, 'CUSTOMER_DISABLED'],
    [{ customer: { accountStatus: 'Active' } }, 'CONSULTANT_MISSING'],
    [{ consultant: { consultantStatus: 'Disabled' } }, 'CONSULTANT_DISABLED'],
    [{ consultant: { consultantStatus: 'Active' } }, 'ORDER_MISSING'],
    [{ order: { orderStatus: 'Pending' } }, 'ORDER_PENDING'],
    [{ order: { orderStatus: 'Rejected' } }, 'ORDER_REJECTED'],
    [{ order: { orderStatus: 'Approved' } }, 'CONTRACT_MISSING'],
    [{ contract: { startDate: day('2025-07-01'), endDate: day('2025-12-31') } }, 'CONTRACT_NOT_STARTED'],
    [{ contract: { startDate: day('2024-01-01'), endDate: day('2024-12-31') } }, 'CONTRACT_EXPIRED'],
    [{ contract: { startDate: day('2025-01-01'), endDate: day('2025-12-31') } }, 'LICENSE_MISSING'],
    [{ license: { expiryDate: day('2025-01-01') } }, 'LICENSE_EXPIRED'],
  ]
  let current = allBroken
  for (const [fix, expected] of steps) {
    current = { ...current, ...fix }
    t.equal(reasonOf(checkConsultantEligibility(current, NOW, RIYADH)), expected)
  }
  t.same(
    steps.map(([, reason]) => reason),
    INELIGIBILITY_REASONS,
    'the reasons are listed in the order they are checked',
  )
  current = { ...current, license: { expiryDate: day('2026-01-01') } }
  t.equal(checkConsultantEligibility(current, NOW, RIYADH).eligible, true)
})
