import t from 'tap'
import { pino } from 'pino'
import { createDb } from '../src/client.js'
import { parseDbConfig } from '../src/config.js'
import { isDatabaseUnavailable } from '../src/errors.js'
import { createTestDatabase } from '../src/testing/index.js'

t.test('a query against an unreachable server is recognised as unavailable', async (t) => {
  const db = createDb(
    parseDbConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere', DB_CONNECT_TIMEOUT_MS: '300', DB_ACQUIRE_TIMEOUT_MS: '300' }),
    pino({ level: 'silent' }),
  )
  t.teardown(() => db.disconnect())
  const error = await db.prisma.consultationCategory.findMany().then(
    () => undefined,
    (e: unknown) => e,
  )
  t.ok(error, 'the query failed')
  t.equal(isDatabaseUnavailable(error), true)
})

t.test('a query error of a reachable database is not unavailability', async (t) => {
  const { db } = await createTestDatabase(t, { connect: true })
  const duplicate = await db.prisma.configurationSetting
    .createMany({ data: [{ settingKey: 'same', settingValue: '1' }, { settingKey: 'same', settingValue: '2' }] })
    .then(
      () => undefined,
      (e: unknown) => e,
    )
  t.ok(duplicate, 'the duplicate key failed')
  t.equal(isDatabaseUnavailable(duplicate), false)
  const syntax = await db.prisma.$queryRawUnsafe('SELECT FROM nothing').then(
    () => undefined,
    (e: unknown) => e,
  )
  t.equal(isDatabaseUnavailable(syntax), false)
  t.equal(isDatabaseUnavailable(new Error('boom')), false)
  t.equal(isDatabaseUnavailable({ name: 'PrismaClientKnownRequestError', code: 'P2002' }), false, 'unique violation')
  t.equal(isDatabaseUnavailable(undefined), false)
})

t.test('an interactive transaction that cannot start for want of a connection is unavailability', async (t) => {
  const { db } = await createTestDatabase(t, { connect: true })
  const starved = createDb(
    parseDbConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere', DB_CONNECT_TIMEOUT_MS: '200', DB_ACQUIRE_TIMEOUT_MS: '200' }),
    pino({ level: 'silent' }),
  )
  t.teardown(() => starved.disconnect())
  const error = await starved.prisma.$transaction(async (tx) => tx.customer.count(), { maxWait: 100 }).then(
    () => undefined,
    (e: unknown) => e,
  )
  t.ok(error, 'the transaction failed')
  t.equal(isDatabaseUnavailable(error), true)
  t.equal(await db.prisma.customer.count(), 0, 'a reachable database still answers')
})
