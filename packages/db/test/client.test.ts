import t from 'tap'
import { createDb, parseDbConfig, Prisma } from '../src/index.js'
import { createTestDatabase } from '../src/testing/index.js'
import { memoryLogger } from './helpers.js'

t.test('queries the migrated legacy schema through the adapter, round-tripping its column types', async (t) => {
  const { entries, logger } = memoryLogger()
  const { db } = await createTestDatabase(t, { connect: true, logger })
  const customer = await db.prisma.customer.create({
    data: { firstName: 'Lina', lastName: 'Haddad', email: 'lina@example.com', birthDate: new Date('1990-04-05') },
  })
  const consultant = await db.prisma.consultant.create({
    data: { customerId: customer.customerId, price: new Prisma.Decimal('150.50'), onlineStatus: true, titleAr: 'مستشارة' },
  })
  const schedule = await db.prisma.consultantSchedule.create({
    data: {
      consultantId: consultant.consultantId,
      dayOfWeek: 0,
      startTime: new Date('1970-01-01T09:30:00Z'),
      endTime: new Date('1970-01-01T17:00:00Z'),
    },
  })

  const found = await db.prisma.customer.findUniqueOrThrow({ where: { email: 'lina@example.com' } })
  t.equal(found.customerId, customer.customerId)
  t.equal(found.birthDate?.toISOString(), '1990-04-05T00:00:00.000Z')
  t.equal(found.language, 'ar', 'enum column default')
  t.equal(found.accountStatus, 'Active')
  const readConsultant = await db.prisma.consultant.findUniqueOrThrow({ where: { consultantId: consultant.consultantId } })
  t.equal(readConsultant.price?.toString(), '150.5')
  t.equal(readConsultant.rating.toString(), '0')
  t.equal(readConsultant.onlineStatus, true)
  t.equal(readConsultant.titleAr, 'مستشارة', 'utf8mb4 text survives')
  const readSchedule = await db.prisma.consultantSchedule.findUniqueOrThrow({ where: { scheduleId: schedule.scheduleId } })
  t.equal(readSchedule.startTime.toISOString(), '1970-01-01T09:30:00.000Z')
  t.equal(readSchedule.isActive, true)
  t.equal(readSchedule.slotMinutes, 30)

  const duplicate = await db.prisma.customer
    .create({ data: { firstName: 'x', lastName: 'y', email: 'lina@example.com' } })
    .catch((error: unknown) => error)
  t.type(duplicate, Prisma.PrismaClientKnownRequestError)
  t.equal((duplicate as Prisma.PrismaClientKnownRequestError).code, 'P2002', 'unique violations keep their Prisma code')
  t.same(
    entries.filter((entry) => entry.msg === 'database query failed').map((entry) => entry.obj),
    [{ target: 'customer.create', error: 'Unique constraint failed on the constraint: `customers_Email_key`' }],
    'the failure is logged as one line, without Prisma\'s source code frame',
  )
})

t.test('logs every query as slow at a threshold of 0, with its SQL and duration but not its parameters', async (t) => {
  const { url } = await createTestDatabase(t)
  const { entries, logger } = memoryLogger()
  const db = createDb(parseDbConfig({ DATABASE_URL: url, DB_SLOW_QUERY_MS: '0' }), logger)
  t.teardown(() => db.disconnect())

  await db.prisma.customer.findMany({ where: { email: 'secret@example.com' } })
  // The pool's own statements count too (the adapter's `SELECT VERSION()` when it connects).
  const slow = entries.filter((entry) => entry.msg === 'slow query')
  const customers = slow.filter((entry) => /FROM `[^`]+`\.`customers`|FROM `customers`/.test(String(entry.obj.query)))
  t.equal(customers.length, 1)
  t.match(customers[0]?.obj, { durationMs: Number, query: String })
  t.notMatch(JSON.stringify(slow), 'secret@example.com')
})

t.test('slow-query warnings are capped per second, also inside transactions; Prisma emits no query events', async (t) => {
  const { url } = await createTestDatabase(t)
  const { entries, logger } = memoryLogger()
  const db = createDb(parseDbConfig({ DATABASE_URL: url, DB_SLOW_QUERY_MS: '0', DB_SLOW_QUERY_LOG_PER_SECOND: '1' }), logger)
  t.teardown(() => db.disconnect())
  let queryEvents = 0
  // Prisma only emits `query` events when the client was built with that log level; a listener would see none.
  ;(db.prisma as unknown as { $on(event: string, listener: () => void): void }).$on('query', () => queryEvents++)

  const started = Date.now()
  await db.prisma.$transaction(async (tx) => {
    await tx.customer.count()
    await tx.customer.count()
  })
  for (let i = 0; i < 5; i++) await db.prisma.customer.count()
  const slow = entries.filter((entry) => entry.msg === 'slow query')
  if (Date.now() - started < 1000) t.equal(slow.length, 1, 'one warning in the first second, the rest counted')
  else t.ok(slow.length >= 1 && slow.length < 9, 'fewer warnings than statements')
  t.equal(queryEvents, 0)

  // The next second's first warning says how many were left out.
  await new Promise((resolve) => setTimeout(resolve, 1000 - ((Date.now() - started) % 1000) + 50))
  await db.prisma.customer.count()
  const next = entries.filter((entry) => entry.msg === 'slow query').at(-1)
  t.match(next?.obj, { durationMs: Number, query: /COUNT/i, suppressed: Number })
  t.ok(Number(next?.obj.suppressed) >= 1)
})

t.test('does not log queries under the threshold', async (t) => {
  const { url } = await createTestDatabase(t)
  const { entries, logger } = memoryLogger()
  const db = createDb(parseDbConfig({ DATABASE_URL: url, DB_SLOW_QUERY_MS: '60000' }), logger)
  t.teardown(() => db.disconnect())
  await db.prisma.customer.count()
  t.same(entries.filter((entry) => entry.msg === 'slow query'), [])
})

t.test('logs pool lifecycle and failed queries', async (t) => {
  const { url, name } = await createTestDatabase(t)
  const { entries, logger } = memoryLogger()
  const db = createDb(parseDbConfig({ DATABASE_URL: url }), logger)

  await db.prisma.$queryRaw`SELECT 1`
  t.match(entries, [{ level: 'info', msg: 'database pool opened', obj: { db: { host: '127.0.0.1', database: name } } }])
  t.ok(entries.some((entry) => entry.level === 'debug' && entry.msg === 'database connection opened'))

  await t.rejects(db.prisma.$queryRawUnsafe('SELECT * FROM no_such_table'))
  t.match(
    entries.find((entry) => entry.msg === 'database query failed'),
    { level: 'warn', obj: { target: '$queryRawUnsafe', error: /^Raw query failed\. Code: `1146`\. Message: `Table '\w+\.no_such_table' doesn't exist`$/ } },
  )

  await db.disconnect()
  t.equal(entries.at(-1)?.msg, 'database pool closed')
  t.same(await db.prisma.$queryRaw`SELECT 2 AS two`, [{ two: 2 }], 'a query after disconnect reopens the pool')
  t.equal(entries.filter((entry) => entry.msg === 'database pool opened').length, 2)
  await db.disconnect()
})
