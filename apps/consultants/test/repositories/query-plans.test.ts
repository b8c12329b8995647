import { bookableByProbe, bookableBySet, Prisma } from '@cp/db'
import { calendarDateIn, checkConsultantEligibility } from '@cp/domain'
import t from 'tap'
import {
  type ConsultantFilter,
  countQuery,
  createConsultantsRepository,
  pageIdsQuery,
} from '../../src/repositories/consultants-repository.js'
import { positionOf } from '../../src/lib/list-cursor.js'
import { CONSULTANT_SORTS } from '../../src/schemas/consultants.js'
import { BASE, buildTestConsultants, NOW, TIME_ZONE } from '../helpers/app.js'

// A volume seed big enough for the optimiser to plan as it would on production tables (with a few rows it
// reads whole tables whatever the indexes), and the scenarios for every eligibility case.
const { app, prisma } = await buildTestConsultants(t, { volume: { customers: 1500, consultants: 3000 } })
const today = calendarDateIn(NOW, TIME_ZONE)
const repository = createConsultantsRepository(app.dbReadRows)

interface PlanRow {
  id: number | bigint
  select_type: string
  table: string
  type: string | null
  key: string | null
  Extra: string | null
}

async function explain(query: Prisma.Sql): Promise<PlanRow[]> {
  const rows = await prisma.$queryRaw<PlanRow[]>(Prisma.sql`EXPLAIN ${query}`)
  t.comment(rows.map((row) => `${row.select_type} ${row.table} ${row.type} ${row.key} ${row.Extra ?? ''}`).join('\n'))
  return rows
}
const rowsOf = <R extends PlanRow>(plan: R[], table: string) => plan.filter((row) => row.table === table)

/** Who is bookable by the domain rule, read table by table with the query builder (no SQL of ours). */
async function bookableByDomainRule(): Promise<number[]> {
  const [consultants, customers, orders, contracts, licenses] = await Promise.all([
    prisma.consultant.findMany({ select: { consultantId: true, customerId: true, consultantStatus: true } }),
    prisma.customer.findMany({ select: { customerId: true, accountStatus: true } }),
    prisma.consultationOrder.findMany({
      select: { customerId: true, orderStatus: true },
      orderBy: [{ createdAt: 'asc' }, { orderId: 'asc' }],
    }),
    prisma.consultantContract.findMany({ select: { consultantId: true, startDate: true, endDate: true } }),
    prisma.consultantLicense.findMany({ select: { consultantId: true, expiryDate: true } }),
  ])
  const customerById = new Map(customers.map((row) => [row.customerId, row]))
  const latestOrder = new Map(orders.map((row) => [row.customerId, row])) // oldest first: the latest one wins
  const group = <R extends { consultantId: number }>(rows: R[]) => {
    const byConsultant = new Map<number, R[]>()
    for (const row of rows) byConsultant.set(row.consultantId, [...(byConsultant.get(row.consultantId) ?? []), row])
    return byConsultant
  }
  const contractsOf = group(contracts)
  const licensesOf = group(licenses)
  return consultants
    .filter(
      (consultant) =>
        checkConsultantEligibility(
          {
            customer: customerById.get(consultant.customerId) ?? null,
            consultant,
            order: latestOrder.get(consultant.customerId) ?? null,
            contract: contractsOf.get(consultant.consultantId) ?? [],
            license: licensesOf.get(consultant.consultantId) ?? [],
          },
          NOW,
          TIME_ZONE,
        ).eligible,
    )
    .map((consultant) => consultant.consultantId)
    .sort((a, b) => a - b)
}

t.test('both SQL forms of "bookable", the count and every page agree with the domain rule', async (t) => {
  const expected = await bookableByDomainRule()
  t.ok(expected.length > 2000 && expected.length < 3000, `most volume consultants are bookable (${expected.length})`)
  const idsWhere = async (condition: Prisma.Sql) =>
    (
      await prisma.$queryRaw<Array<{ id: number }>>(Prisma.sql`SELECT c.Consultant_ID AS id
        FROM consultants c JOIN customers a ON a.Customer_ID = c.Customer_ID WHERE ${condition} ORDER BY id`)
    ).map((row) => row.id)
  t.same(await idsWhere(bookableByProbe(today)), expected, 'per-row probes')
  t.same(await idsWhere(bookableBySet(today)), expected, 'semi-join sets')
  t.equal(await repository.countBookable({}, today), expected.length, 'the count')

  for (const sort of CONSULTANT_SORTS) {
    const seen: number[] = []
    for (let skip = 0; ; skip += 100) {
      const page = await repository.listPage({}, sort, today, { skip, take: 100 })
      seen.push(...page.map((row) => row.consultantId))
      if (page.length < 100) break
    }
    t.equal(new Set(seen).size, seen.length, `${sort}: no consultant on two pages`)
    t.same([...seen].sort((a, b) => a - b), expected, `${sort}: the pages together are exactly the bookable ones`)
  }
})

t.test('filters count what they list', async (t) => {
  const filters: ConsultantFilter[] = [{ online: true }, { text: 'law' }, { text: 'محام' }, { text: '%' }, { online: false, text: 'a' }]
  for (const filter of filters) {
    const listed = await repository.listPage(filter, 'order', today, { skip: 0, take: 100 * 100 })
    t.equal(await repository.countBookable(filter, today), listed.length, JSON.stringify(filter))
  }
})

t.test('page queries follow the sort index and probe covering indexes; no table is scanned', async (t) => {
  const sortIndex = {
    order: 'consultants_Consultant_Status_Order_In_List_idx',
    rating: 'consultants_Consultant_Status_Rating_Rating_Count_idx',
    price: 'consultants_Consultant_Status_Price_idx',
    price_desc: 'consultants_Consultant_Status_Price_idx',
  }
  for (const sort of CONSULTANT_SORTS) {
    const plan = await explain(pageIdsQuery({}, sort, today, { skip: 0, take: 20 }))
    const consultants = rowsOf(plan, 'c')
    t.ok(consultants.length >= 1, `${sort}: consultants read`)
    for (const row of consultants) {
      t.equal(row.key, sortIndex[sort], `${sort}: consultants in sort order from ${sortIndex[sort]}`)
      t.notMatch(row.Extra ?? '', /filesort/, `${sort}: no sort of the whole table`)
    }
    for (const row of rowsOf(plan, 'a')) t.equal(row.type, 'eq_ref', `${sort}: the account by primary key`)
    const probes = {
      o: 'consultations_orders_Customer_ID_Created_at_Order_ID_idx',
      k: 'consultant_contract_Consultant_ID_Start_Date_End_Date_idx',
      l: 'consultant_licenses_Consultant_ID_Expiry_Date_idx',
    }
    for (const [table, index] of Object.entries(probes)) {
      for (const row of rowsOf(plan, table)) {
        t.equal(row.select_type, 'DEPENDENT SUBQUERY', `${sort}/${table}: one probe per consultant read`)
        t.equal(row.key, index, `${sort}/${table}: ${index}`)
        t.match(row.Extra ?? '', /Using index/, `${sort}/${table}: index only`)
      }
    }
    // The price sort merges two index-ordered runs of at most one page each in a derived table; that small
    // table is the only one read whole.
    const scanned = plan.filter((row) => row.type === 'ALL' && !row.table.startsWith('<derived'))
    t.same(scanned, [], `${sort}: no full table scan`)
  }
})

t.test('the count reads each table once, through the covering indexes', async (t) => {
  const plan = await explain(countQuery({}, today))
  const sets = {
    o: 'consultations_orders_Customer_ID_Created_at_Order_ID_idx',
    k: 'consultant_contract_Consultant_ID_Start_Date_End_Date_idx',
    l: 'consultant_licenses_Consultant_ID_Expiry_Date_idx',
  }
  for (const [table, index] of Object.entries(sets)) {
    const [row] = rowsOf(plan, table)
    t.equal(row?.select_type, 'MATERIALIZED', `${table}: read once into a set`)
    t.equal(row?.key, index, `${table}: ${index}`)
    t.match(row?.Extra ?? '', /Using index/, `${table}: index only`)
  }
  t.notOk(plan.some((row) => row.select_type === 'DEPENDENT SUBQUERY'), 'no per-row subquery')
  for (const row of rowsOf(plan, 'a')) t.equal(row.type, 'eq_ref', 'the account by primary key')
})

t.test('one query for a page and one for the total, never one per row', async (t) => {
  const queries: string[] = []
  t.teardown(app.observeDbStatements((sql) => queries.push(sql)))
  const full = await app.inject({ url: `${BASE}?pageSize=100&page=2&sort=rating` })
  t.equal(full.statusCode, 200)
  t.equal(full.json().items.length, 100)
  t.equal(queries.length, 2, 'the page and the count')
  t.match(queries[1], /COUNT\(\*\)/)
  queries.length = 0
  const again = await app.inject({ url: `${BASE}?pageSize=100&page=3&sort=rating` })
  t.equal(again.json().total, full.json().total)
  t.equal(queries.length, 1, 'the same filters within CONSULTANTS_TOTAL_CACHE_SECONDS reuse the total')
  const { total } = full.json()
  t.ok(total % 100 !== 0, 'the total leaves a partial last page')
  queries.length = 0
  const last = await app.inject({ url: `${BASE}?pageSize=100&page=${Math.ceil(total / 100)}&sort=rating` })
  t.equal(last.json().items.length, total % 100)
  t.equal(queries.length, 1, 'a last page tells the total itself')
  t.equal(last.json().total, total)
})

t.test('a keyset page starts at its cursor: deep in the list it reads about a page, where OFFSET reads every row before', async (t) => {
  interface AnalyzedRow extends PlanRow {
    r_rows: number | string | null
  }
  const consultantRowsRead = async (query: Prisma.Sql) => {
    const plan = await prisma.$queryRaw<AnalyzedRow[]>(Prisma.sql`ANALYZE ${query}`)
    return rowsOf(plan, 'c').reduce((sum, row) => sum + Number(row.r_rows ?? 0), 0)
  }
  const depth = 2000
  for (const sort of CONSULTANT_SORTS) {
    const [before] = await repository.listPage({}, sort, today, { skip: depth - 1, take: 1 })
    if (!before) throw new Error(`${sort}: fewer than ${depth} bookable consultants`)
    const position = positionOf(before, sort)
    const keyset = await repository.listPage({}, sort, today, { skip: 0, take: 20 }, position)
    const offset = await repository.listPage({}, sort, today, { skip: depth, take: 20 })
    t.same(keyset.map((row) => row.consultantId), offset.map((row) => row.consultantId), `${sort}: the same page`)
    const keysetRead = await consultantRowsRead(pageIdsQuery({}, sort, today, { skip: 0, take: 21 }, position))
    const offsetRead = await consultantRowsRead(pageIdsQuery({}, sort, today, { skip: depth, take: 21 }))
    t.ok(keysetRead < 100, `${sort}: the keyset page reads ${keysetRead} consultants`)
    t.ok(offsetRead > depth, `${sort}: the offset page reads ${offsetRead}`)
  }
})

t.test('a keyset page is one statement, with no count', async (t) => {
  const queries: string[] = []
  t.teardown(app.observeDbStatements((sql) => queries.push(sql)))
  const first = await app.inject({ url: `${BASE}?pageSize=100&pagination=keyset&sort=price` })
  t.equal(first.statusCode, 200)
  const next = await app.inject({ url: `${BASE}?pageSize=100&sort=price&cursor=${first.json().nextCursor}` })
  t.equal(next.json().items.length, 100)
  t.equal(queries.length, 2, 'one statement per page')
  t.notOk(queries.some((query) => /COUNT\(\*\)/.test(query)), 'never a count')
})
