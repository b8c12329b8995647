// The row form and the SQL form of the eligibility facts give the same answers, over rows chosen to tell readings
// of "the latest order" apart (creation time against id, ties, zero dates, wide ids) and over every other fact.
import { calendarDateIn, checkConsultantEligibility } from '@cp/domain'
import t from 'tap'
import { bookableByProbe, bookableBySet, readEligibilityFacts } from '../../src/eligibility/index.js'
import { Prisma } from '../../src/generated/prisma/client.js'
import { createTestDatabase } from '../../src/testing/index.js'
import { rawConnection } from '../helpers.js'

const TIME_ZONE = 'Asia/Riyadh'
const NOW = new Date('2026-12-03T09:00:00Z')
const today = calendarDateIn(NOW, TIME_ZONE)
const ZERO = '0000-00-00 00:00:00'

type Status = 'Pending' | 'Approved' | 'Rejected'
interface Case {
  /** [Order_ID, Created_at, Order_Status] of the consultant's account. */
  orders: Array<[number, string, Status]>
  bookable: boolean
  customer?: 'Active' | 'Disabled' | 'missing'
  consultant?: 'Active' | 'Disabled'
  /** [Start_Date, End_Date] */
  contracts?: Array<[string, string]>
  licenses?: string[]
}

const CURRENT_CONTRACT: [string, string] = ['2026-01-01', '2027-12-31']
const APPROVED: Array<[number, string, Status]> = [[1, '2026-01-01 10:00:00', 'Approved']]

// Order ids are per case (a case's ids are offset so that they stay unique), in the order given.
const CASES: Record<string, Case> = {
  'one approved order': { orders: APPROVED, bookable: true },
  'no order': { orders: [], bookable: false },
  'an older order imported later (higher id) does not replace the current approval': {
    orders: [[1, '2026-05-01 10:00:00', 'Approved'], [2, '2019-03-01 10:00:00', 'Rejected']],
    bookable: true,
  },
  'an older approval imported later (higher id) does not undo the current rejection': {
    orders: [[1, '2026-05-01 10:00:00', 'Rejected'], [2, '2019-03-01 10:00:00', 'Approved']],
    bookable: false,
  },
  'a newer pending application replaces an approval': {
    orders: [[1, '2026-01-01 10:00:00', 'Approved'], [2, '2026-06-01 10:00:00', 'Pending']],
    bookable: false,
  },
  'created in the same second: the higher id (pending) wins': {
    orders: [[1, '2026-06-01 10:00:00', 'Approved'], [2, '2026-06-01 10:00:00', 'Pending']],
    bookable: false,
  },
  'created in the same second: the higher id (approved) wins': {
    orders: [[1, '2026-06-01 10:00:00', 'Pending'], [2, '2026-06-01 10:00:00', 'Approved']],
    bookable: true,
  },
  'one second apart, against the ids': {
    orders: [[1, '2026-06-01 10:00:01', 'Approved'], [2, '2026-06-01 10:00:00', 'Rejected']],
    bookable: true,
  },
  'a zero date never beats a real date (approval dated zero)': {
    orders: [[1, '2020-01-01 00:00:00', 'Rejected'], [2, ZERO, 'Approved']],
    bookable: false,
  },
  'a zero date never beats a real date (rejection dated zero)': {
    orders: [[1, '2020-01-01 00:00:00', 'Approved'], [2, ZERO, 'Rejected']],
    bookable: true,
  },
  'all dated zero: the id decides (approved last)': {
    orders: [[1, ZERO, 'Rejected'], [2, ZERO, 'Approved']],
    bookable: true,
  },
  'all dated zero: the id decides (pending last)': {
    orders: [[1, ZERO, 'Approved'], [2, ZERO, 'Pending']],
    bookable: false,
  },
  'ids of different widths in the same second: numeric, not text, order': {
    orders: [[9, '2026-06-01 10:00:00', 'Rejected'], [1_000_000_000, '2026-06-01 10:00:00', 'Approved']],
    bookable: true,
  },
  'a year boundary': {
    orders: [[1, '2000-01-01 00:00:00', 'Approved'], [2, '1999-12-31 23:59:59', 'Rejected']],
    bookable: true,
  },
  'disabled account': { orders: APPROVED, customer: 'Disabled', bookable: false },
  'account missing': { orders: APPROVED, customer: 'missing', bookable: false },
  'disabled consultant': { orders: APPROVED, consultant: 'Disabled', bookable: false },
  'no contract': { orders: APPROVED, contracts: [], bookable: false },
  'contract not started': { orders: APPROVED, contracts: [['2027-01-01', '2027-12-31']], bookable: false },
  'contract ended yesterday': { orders: APPROVED, contracts: [['2026-01-01', '2026-12-02']], bookable: false },
  'contract ends today': { orders: APPROVED, contracts: [['2026-01-01', '2026-12-03']], bookable: true },
  'contract starts today': { orders: APPROVED, contracts: [['2026-12-03', '2027-01-01']], bookable: true },
  'an old contract and a renewal signed in advance': {
    orders: APPROVED,
    contracts: [['2025-01-01', '2025-12-31'], ['2027-01-01', '2027-12-31']],
    bookable: false,
  },
  'a contract with a zero start date': { orders: APPROVED, contracts: [['0000-00-00', '2027-12-31']], bookable: false },
  'a zero-dated contract beside a current one': {
    orders: APPROVED,
    contracts: [['0000-00-00', '0000-00-00'], CURRENT_CONTRACT],
    bookable: true,
  },
  'no license': { orders: APPROVED, licenses: [], bookable: false },
  'license expired yesterday, another expires today': {
    orders: APPROVED,
    licenses: ['2026-12-02', '2026-12-03'],
    bookable: true,
  },
  'license expired': { orders: APPROVED, licenses: ['2026-12-02'], bookable: false },
}

const { db, url } = await createTestDatabase(t, { connect: true })
const prisma = db.prisma
const conn = await rawConnection(t, url)
// Legacy rows may hold zero dates, which the server refuses under its default (strict) mode.
await conn.query(`SET SESSION sql_mode = ''`)

const consultantIdOf = new Map<string, number>()
let index = 0
for (const [name, row] of Object.entries(CASES)) {
  index += 1
  const customerId = 1000 + index
  const consultantId = 500 + index
  consultantIdOf.set(name, consultantId)
  if (row.customer !== 'missing') {
    await conn.query(`INSERT INTO customers (Customer_ID, First_Name, Last_Name, Account_Status) VALUES (?, ?, '', ?)`, [
      customerId,
      name.slice(0, 100),
      row.customer ?? 'Active',
    ])
  }
  await conn.query(`INSERT INTO consultants (Consultant_ID, Customer_ID, Consultant_Status) VALUES (?, ?, ?)`, [
    consultantId,
    customerId,
    row.consultant ?? 'Active',
  ])
  for (const [orderId, createdAt, status] of row.orders) {
    await conn.query(`INSERT INTO consultations_orders (Order_ID, Customer_ID, Order_Status, Created_at) VALUES (?, ?, ?, ?)`, [
      orderId + index * 100,
      customerId,
      status,
      createdAt,
    ])
  }
  for (const [start, end] of row.contracts ?? [CURRENT_CONTRACT]) {
    await conn.query(`INSERT INTO consultant_contract (Consultant_ID, Start_Date, End_Date, Commission_Rate) VALUES (?, ?, ?, 10)`, [
      consultantId,
      start,
      end,
    ])
  }
  for (const expiry of row.licenses ?? ['2027-12-31']) {
    await conn.query(`INSERT INTO consultant_licenses (Consultant_ID, License_Number, Expiry_Date) VALUES (?, 'L', ?)`, [
      consultantId,
      expiry,
    ])
  }
}

async function idsWhere(condition: Prisma.Sql): Promise<Set<number>> {
  const rows = await prisma.$queryRaw<Array<{ id: number }>>(Prisma.sql`SELECT c.Consultant_ID AS id
    FROM consultants c JOIN customers a ON a.Customer_ID = c.Customer_ID WHERE ${condition}`)
  return new Set(rows.map((row) => row.id))
}

t.test('the row form, both SQL forms and the expected answer agree for every case', async (t) => {
  const byProbe = await idsWhere(bookableByProbe(today))
  const bySet = await idsWhere(bookableBySet(today))
  for (const [name, row] of Object.entries(CASES)) {
    const consultantId = consultantIdOf.get(name) ?? 0
    const facts = await readEligibilityFacts(prisma, { consultantId })
    const byRow = checkConsultantEligibility(facts, NOW, TIME_ZONE).eligible
    t.equal(byRow, row.bookable, `${name}: row form`)
    t.equal(byProbe.has(consultantId), row.bookable, `${name}: per-row probe`)
    t.equal(bySet.has(consultantId), row.bookable, `${name}: set`)
  }
})

t.test('read by account, the row form says the same as read by consultant', async (t) => {
  for (const [name, row] of Object.entries(CASES)) {
    if (row.customer === 'missing') continue
    const consultantId = consultantIdOf.get(name) ?? 0
    const byConsultant = await readEligibilityFacts(prisma, { consultantId })
    const { customerId } = (await prisma.consultant.findUniqueOrThrow({ where: { consultantId }, select: { customerId: true } }))
    const byAccount = await readEligibilityFacts(prisma, { customerId })
    t.equal(byAccount.consultantId, consultantId, `${name}: the consultant of the account`)
    t.same(checkConsultantEligibility(byAccount, NOW, TIME_ZONE), checkConsultantEligibility(byConsultant, NOW, TIME_ZONE), name)
  }
})

t.test('a missing row leaves the facts it would lead to unknown', async (t) => {
  t.same(await readEligibilityFacts(prisma, { consultantId: 99_999 }), {
    customer: null,
    consultant: null,
    order: null,
    contract: [],
    license: [],
    consultantId: null,
  })
  const missingAccount = await readEligibilityFacts(prisma, { consultantId: consultantIdOf.get('account missing') ?? 0 })
  t.equal(missingAccount.customer, null)
  t.same(missingAccount.order, { orderStatus: 'Approved' }, "orders are the account id's, whether its row exists or not")
  t.same(await readEligibilityFacts(prisma, { customerId: 99_999 }), {
    customer: null,
    consultant: null,
    order: null,
    contract: [],
    license: [],
    consultantId: null,
  })
})
