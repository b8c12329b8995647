import t from 'tap'
import { columnsAs, createDb, isDatabaseUnavailable, parseDbConfig, Prisma } from '../src/index.js'
import { createTestDatabase } from '../src/testing/index.js'
import { memoryLogger } from './helpers.js'

t.test('driver reads decode each column type as DriverRow promises, odd legacy values included', async (t) => {
  const { db } = await createTestDatabase(t, { connect: true })
  const customer = await db.prisma.customer.create({
    data: { firstName: 'Nour', lastName: "O'Hara", email: 'nour@example.com', birthDate: new Date('1991-02-03') },
  })
  const consultant = await db.prisma.consultant.create({
    data: { customerId: customer.customerId, price: new Prisma.Decimal('1234567.89'), onlineStatus: true, titleAr: 'مستشار' },
  })
  // The legacy application writes zero dates; the pool's sql_mode would refuse one, so this session allows it.
  await db.prisma.$transaction([
    db.prisma.$executeRawUnsafe("SET SESSION sql_mode = ''"),
    db.prisma.$executeRaw(Prisma.sql`INSERT INTO reviews (Customer_ID, Consultant_ID, Rating, Comment, Review_Status, Created_at)
      VALUES (${customer.customerId}, ${consultant.consultantId}, 5, 'zero', 'Visible', '0000-00-00 00:00:00'),
             (${customer.customerId}, ${consultant.consultantId}, 4, 'real', 'Visible', '2026-11-30 23:59:58')`),
  ])

  const [row] = await db.rows<Record<string, unknown>>(Prisma.sql`SELECT c.Price AS price, c.Rating AS rating,
      c.Online_Status AS online, c.Title_Ar AS title, a.Birth_Date AS birthDate, a.Last_Name AS lastName,
      (SELECT COUNT(*) FROM reviews r WHERE r.Consultant_ID = c.Consultant_ID) AS reviews,
      (SELECT GROUP_CONCAT(r.Created_at ORDER BY r.Review_ID) FROM reviews r WHERE r.Consultant_ID = c.Consultant_ID) AS dates,
      (SELECT MIN(r.Created_at) FROM reviews r WHERE r.Consultant_ID = c.Consultant_ID) AS zeroDate,
      c.Bio_En AS bio
    FROM consultants c JOIN customers a ON a.Customer_ID = c.Customer_ID WHERE c.Consultant_ID = ${consultant.consultantId}`)
  t.same(
    row,
    {
      price: '1234567.89',
      rating: '0.00',
      online: 1,
      title: 'مستشار',
      birthDate: '1991-02-03',
      lastName: "O'Hara",
      reviews: 2n,
      dates: '0000-00-00 00:00:00,2026-11-30 23:59:58',
      zeroDate: '0000-00-00 00:00:00',
      bio: null,
    },
    'DECIMAL as exact text, TINYINT(1) as 0/1, COUNT as bigint, dates as the server prints them (a zero date too), NULL as null',
  )
  t.strictSame(Object.keys(row ?? {}).length, 10, 'rows are objects keyed by alias, nothing else')

  const prismaRead = await db.prisma.consultant.findUniqueOrThrow({ where: { consultantId: consultant.consultantId } })
  t.type(prismaRead.price, Prisma.Decimal, "Prisma's reads over the same pool keep Prisma's types")
  t.equal(prismaRead.onlineStatus, true)
  const account = await db.prisma.customer.findUniqueOrThrow({ where: { customerId: customer.customerId } })
  t.type(account.birthDate, Date)
})

t.test('values are parameters, never SQL', async (t) => {
  const { db } = await createTestDatabase(t, { connect: true })
  await db.prisma.customer.create({ data: { firstName: 'Sam', lastName: 'Lee', email: 'sam@example.com' } })
  const byEmail = (email: string) =>
    db.rows<{ email: string }>(Prisma.sql`SELECT Email AS email FROM customers WHERE Email = ${email}`)
  t.same(await byEmail('sam@example.com'), [{ email: 'sam@example.com' }])
  t.same(await byEmail("x' OR '1'='1"), [], 'a quote in a value is text')
  t.same(await byEmail('sam@example.com\\'), [], 'so is a backslash')
  t.equal((await db.prisma.customer.count()), 1, 'and nothing ran besides')
})

t.test('driver reads are timed and observed like every other statement', async (t) => {
  const { url } = await createTestDatabase(t)
  const { entries, logger } = memoryLogger()
  const db = createDb(parseDbConfig({ DATABASE_URL: url, DB_SLOW_QUERY_MS: '0' }), logger)
  t.teardown(() => db.disconnect())
  const seen: string[] = []
  const stop = db.observeStatements((sql) => seen.push(sql))
  await db.rows(Prisma.sql`SELECT ${'secret-value'} AS probe`)
  stop()
  t.ok(seen.includes('SELECT ? AS probe'), 'observed with placeholders')
  const slow = entries.filter((entry) => entry.msg === 'slow query' && entry.obj.query === 'SELECT ? AS probe')
  t.equal(slow.length, 1, 'in the slow-query log at a threshold of 0')
  t.notMatch(JSON.stringify(entries), /secret-value/, 'never with its values')
})

t.test('an unreachable database fails a driver read fast, as unavailable (503), not as a bug (500)', async (t) => {
  const config = parseDbConfig({
    DATABASE_URL: 'mysql://root@127.0.0.1:1/none',
    DB_CONNECT_TIMEOUT_MS: '200',
    DB_ACQUIRE_TIMEOUT_MS: '500',
    DB_BREAKER_PROBE_INTERVAL_MS: '0',
  })
  const db = createDb(config, memoryLogger().logger)
  t.teardown(() => db.disconnect())
  const error = await db.rows(Prisma.sql`SELECT 1`).catch((failure: unknown) => failure)
  t.ok(error instanceof Error, 'it fails')
  t.ok(isDatabaseUnavailable(error), `recognised as an outage: ${String(error)}`)

  db.breaker.open('test')
  const refused = await db.readRows(Prisma.sql`SELECT 1`).catch((failure: unknown) => failure)
  t.ok(isDatabaseUnavailable(refused), 'with the breaker open too')
})

t.test('a statement error is not an outage', async (t) => {
  const { db } = await createTestDatabase(t, { connect: true })
  const error = await db.rows(Prisma.sql`SELECT No_Such_Column FROM customers`).catch((failure: unknown) => failure)
  t.match(error, { errno: 1054 })
  t.notOk(isDatabaseUnavailable(error))
})

t.test('columnsAs writes the select list of a row type, alias by alias', async (t) => {
  const list = columnsAs<{ id: number; name: string }>({ id: 'c.Consultant_ID', name: "CONCAT_WS(' ', a.First_Name, a.Last_Name)" })
  t.equal(list.sql, "c.Consultant_ID AS id, CONCAT_WS(' ', a.First_Name, a.Last_Name) AS name")
  t.same(list.values, [], 'no parameters: it is trusted SQL text')
})
