import { createHash } from 'node:crypto'
import { addDays, checkConsultantEligibility } from '@cp/domain'
import t from 'tap'
import type { PrismaClient } from '../../src/generated/prisma/client.js'
import {
  CONSULTANT_SCENARIOS,
  type ConsultantScenarioName,
  CUSTOMER_SCENARIOS,
  findScenario,
  PLATFORM_TIME_ZONE,
  SCENARIOS,
  type ScenarioName,
  SEED_CONSULTATION_CATEGORIES,
  SEED_PASSWORD,
  SEED_SETTINGS,
  seedScenarios,
  type SeedTally,
} from '../../src/seed/index.js'
import { createTestDatabase } from '../../src/testing/index.js'
import { rawConnection } from '../helpers.js'
import { rowCounts } from './row-counts.js'

const { db, url } = await createTestDatabase(t, { connect: true })
const prisma = db.prisma
const conn = await rawConnection(t, url)

const consultantNames = Object.keys(CONSULTANT_SCENARIOS) as ConsultantScenarioName[]
const DAY_MS = 86_400_000

function writes(tally: SeedTally): number {
  return Object.values(tally).reduce((sum, table) => sum + table.created + table.updated + table.deleted, 0)
}

async function checksums(): Promise<Record<string, string>> {
  const counts = await rowCounts(conn)
  const rows: Array<{ Table: string; Checksum: bigint | number }> = await conn.query(
    `CHECKSUM TABLE ${Object.keys(counts).map((name) => `\`${name}\``).join(', ')}`,
  )
  return Object.fromEntries(rows.map((row) => [row.Table, String(row.Checksum)]))
}

async function eligibilityOf(client: PrismaClient, name: ConsultantScenarioName, now: Date) {
  const { customerId, consultantId } = await findScenario(client, name)
  return checkConsultantEligibility(
    {
      customer: await client.customer.findUnique({ where: { customerId }, select: { accountStatus: true } }),
      consultant: await client.consultant.findUnique({ where: { consultantId }, select: { consultantStatus: true } }),
      order: await client.consultationOrder.findFirst({
        where: { customerId },
        orderBy: { orderId: 'desc' },
        select: { orderStatus: true },
      }),
      contract: await client.consultantContract.findMany({
        where: { consultantId },
        select: { startDate: true, endDate: true },
      }),
      license: await client.consultantLicense.findMany({ where: { consultantId }, select: { expiryDate: true } }),
    },
    now,
    PLATFORM_TIME_ZONE,
  )
}

t.test('findScenario says the seed has not run on an empty database', async (t) => {
  await t.rejects(findScenario(prisma, 'eligible'), /not in this database; run the seed first/)
})

t.test('a second run on the same day writes nothing and fails on nothing', async (t) => {
  const first = await seedScenarios(prisma)
  t.ok(writes(first.tally) > 0, 'the first run creates rows')
  const countsAfterFirst = await rowCounts(conn)
  const checksumsAfterFirst = await checksums()

  const second = await seedScenarios(prisma)
  t.equal(second.today, first.today)
  t.equal(writes(second.tally), 0, 'nothing created, updated or deleted')
  t.same(await rowCounts(conn), countsAfterFirst, 'identical row counts in every table')
  t.same(await checksums(), checksumsAfterFirst, 'identical contents, TimeStamp columns included')
  t.equal(countsAfterFirst.customers, Object.keys(SCENARIOS).length)
  t.equal(countsAfterFirst.consultants, consultantNames.length)
})

t.test('every consultant scenario fails eligibility for its own reason, or passes', async (t) => {
  const now = new Date()
  for (const name of consultantNames) {
    const result = await eligibilityOf(prisma, name, now)
    const expected = CONSULTANT_SCENARIOS[name].ineligibleReason
    t.same(result.eligible ? null : result.reason, expected, `${name}: ${expected ?? 'eligible'}`)
  }
})

t.test('scenario rows hold the states their names promise', async (t) => {
  const { today } = await seedScenarios(prisma)
  const ids = async (name: ConsultantScenarioName) => findScenario(prisma, name)

  const expired = await ids('expiredContract')
  const [contract] = await conn.query('SELECT End_Date FROM consultant_contract WHERE Consultant_ID = ?', [
    expired.consultantId,
  ])
  t.equal(contract.End_Date, addDays(today, -30), 'expiredContract ended 30 days ago')

  const eligible = await ids('eligible')
  const [validContract] = await conn.query('SELECT Start_Date, End_Date FROM consultant_contract WHERE Consultant_ID = ?', [
    eligible.consultantId,
  ])
  t.equal(validContract.End_Date, addDays(today, 365), 'a valid contract ends a year ahead')
  t.ok(validContract.Start_Date < today, 'and has started')

  const expiredLicense = await ids('expiredLicense')
  const [license] = await conn.query('SELECT Expiry_Date FROM consultant_licenses WHERE Consultant_ID = ?', [
    expiredLicense.consultantId,
  ])
  t.equal(license.Expiry_Date, addDays(today, -30))

  const pending = await ids('pendingOrder')
  t.same(await conn.query('SELECT Order_Status FROM consultations_orders WHERE Customer_ID = ?', [pending.customerId]), [
    { Order_Status: 'Pending' },
  ])
  const missingOrder = await ids('missingOrder')
  t.same(await conn.query('SELECT * FROM consultations_orders WHERE Customer_ID = ?', [missingOrder.customerId]), [])
  const missingContract = await ids('missingContract')
  t.same(await conn.query('SELECT * FROM consultant_contract WHERE Consultant_ID = ?', [missingContract.consultantId]), [])
  const missingLicense = await ids('missingLicense')
  t.same(await conn.query('SELECT * FROM consultant_licenses WHERE Consultant_ID = ?', [missingLicense.consultantId]), [])

  const disabledCustomer = await ids('disabledCustomer')
  t.same(await conn.query('SELECT Account_Status FROM customers WHERE Customer_ID = ?', [disabledCustomer.customerId]), [
    { Account_Status: 'Disabled' },
  ])
  const disabledConsultant = await ids('disabledConsultant')
  t.same(
    await conn.query('SELECT Consultant_Status FROM consultants WHERE Consultant_ID = ?', [disabledConsultant.consultantId]),
    [{ Consultant_Status: 'Disabled' }],
  )
})

t.test('customer accounts carry the legacy password formats and states', async (t) => {
  const customer = async (name: ScenarioName) => {
    const { customerId } = await findScenario(prisma, name)
    const [row] = await conn.query(
      'SELECT Email, Phone, Password, Account_Status, Verified_Status FROM customers WHERE Customer_ID = ?',
      [customerId],
    )
    return row
  }
  const active = await customer('activeCustomer')
  t.match(active, { Account_Status: 'Active', Verified_Status: 'Verified', Email: 'active.customer@seed.test' })
  t.match(active.Password, /^\$2y\$10\$[./A-Za-z0-9]{53}$/, 'a PHP-style $2y$ bcrypt hash')
  t.equal((await customer('md5Customer')).Password, createHash('md5').update(SEED_PASSWORD).digest('hex'))
  t.equal((await customer('disabledAccount')).Account_Status, 'Disabled')
  t.equal((await customer('unverifiedCustomer')).Verified_Status, 'Unverified')
  t.match(await customer('phoneOnlyCustomer'), { Email: null, Password: null, Phone: CUSTOMER_SCENARIOS.phoneOnlyCustomer.phone })
})

t.test('the eligible consultant has a schedule, appointments and a rating from visible reviews', async (t) => {
  const { consultantId } = await findScenario(prisma, 'eligible')
  const schedule = await conn.query(
    'SELECT Day_Of_Week, Start_Time, End_Time, Is_Active FROM consultant_schedules WHERE Consultant_ID = ? ORDER BY Day_Of_Week, Start_Time',
    [consultantId],
  )
  t.same(schedule[0], { Day_Of_Week: 0, Start_Time: '09:00:00', End_Time: '13:00:00', Is_Active: 1 })
  t.equal(schedule.filter((row: { Is_Active: number }) => row.Is_Active === 0).length, 1, 'one switched-off block')

  const appointments: Array<{ Appointment_Date: string; Appointment_Status: string; Notes: string }> = await conn.query(
    'SELECT Appointment_Date, Appointment_Status, Notes FROM appointments WHERE Consultant_ID = ? ORDER BY Notes',
    [consultantId],
  )
  const booked = appointments.find((row) => row.Notes === 'seed:booked')
  const today = (await seedScenarios(prisma)).today
  t.equal(booked?.Appointment_Status, 'Confirmed')
  t.match(booked?.Appointment_Date, /^\d{4}-\d{2}-\d{2} 10:00:00$/, 'wall-clock time stored without a zone shift')
  t.ok((booked?.Appointment_Date ?? '') > addDays(today, 1), 'booked at least two days ahead')
  const bookedDay = new Date(`${booked?.Appointment_Date.slice(0, 10)}T00:00:00Z`).getUTCDay()
  t.ok(bookedDay <= 4, 'on a scheduled working day (Sunday to Thursday)')
  t.same(appointments.map((row) => row.Appointment_Status).sort(), ['Cancelled', 'Completed', 'Confirmed', 'NoShow', 'Pending'])

  const [consultant] = await conn.query('SELECT Rating, Rating_Count FROM consultants WHERE Consultant_ID = ?', [consultantId])
  const [visible] = await conn.query(
    "SELECT ROUND(AVG(Rating), 2) AS mean, COUNT(*) AS n FROM reviews WHERE Consultant_ID = ? AND Review_Status = 'Visible'",
    [consultantId],
  )
  t.equal(Number(consultant.Rating), Number(visible.mean))
  t.equal(consultant.Rating_Count, Number(visible.n))
  const [hidden] = await conn.query(
    "SELECT COUNT(*) AS n FROM reviews WHERE Consultant_ID = ? AND Review_Status = 'Hidden'",
    [consultantId],
  )
  t.equal(Number(hidden.n), 1, 'a hidden review that must not count')
})

t.test('catalog and settings rows', async (t) => {
  const active = await conn.query(
    'SELECT Name_En, Name_Ar, Image FROM consultations_categories WHERE Is_Active = 1 ORDER BY Order_In_List',
  )
  const expected = SEED_CONSULTATION_CATEGORIES.filter((c) => c.isActive).sort((a, b) => a.orderInList - b.orderInList)
  t.same(
    active.map((row: { Name_En: string }) => row.Name_En),
    expected.map((c) => c.nameEn),
  )
  const inserted = await conn.query('SELECT Name_En FROM consultations_categories WHERE Is_Active = 1 ORDER BY Category_ID')
  t.not(inserted.map((row: { Name_En: string }) => row.Name_En).join(), active.map((row: { Name_En: string }) => row.Name_En).join(), 'list order differs from id order')
  for (const row of active) t.match(row.Name_Ar, /[\u0600-\u06FF]/, `${row.Name_En} has an Arabic name`)
  t.match(active.find((row: { Name_En: string }) => row.Name_En === 'Legal').Image, 'categories/legal.png')

  const [inactive] = await conn.query('SELECT COUNT(*) AS n FROM services_categories WHERE Is_Active = 0')
  t.equal(Number(inactive.n), 1)
  const settings = await conn.query('SELECT Setting_Key, Setting_Value FROM configuration_settings')
  t.equal(settings.length, SEED_SETTINGS.length)
  t.same(settings.find((row: { Setting_Key: string }) => row.Setting_Key === 'platform_time_zone'), {
    Setting_Key: 'platform_time_zone',
    Setting_Value: PLATFORM_TIME_ZONE,
  })
})

t.test('run a year later, valid rows are still valid and expired rows still expired', async (t) => {
  const later = new Date(Date.now() + 400 * DAY_MS)
  const counts = await rowCounts(conn)
  const run = await seedScenarios(prisma, { now: later })
  t.ok((run.tally.consultant_contract?.updated ?? 0) > 0, 'contract dates moved')
  t.same(await rowCounts(conn), counts, 'by updating rows, not adding them')
  for (const name of consultantNames) {
    const result = await eligibilityOf(prisma, name, later)
    t.same(result.eligible ? null : result.reason, CONSULTANT_SCENARIOS[name].ineligibleReason, name)
  }
  await seedScenarios(prisma) // back to today for the tests below
})

t.test('hand edits to a scenario are undone, hand-made bookings are kept', async (t) => {
  const missingOrder = await findScenario(prisma, 'missingOrder')
  const expired = await findScenario(prisma, 'expiredContract')
  const eligible = await findScenario(prisma, 'eligible')
  const customer = await findScenario(prisma, 'activeCustomer')
  await prisma.consultationOrder.create({ data: { customerId: missingOrder.customerId, orderStatus: 'Approved' } })
  await prisma.consultantContract.create({
    data: { consultantId: expired.consultantId, startDate: new Date(), endDate: new Date(Date.now() + 99 * DAY_MS), commissionRate: 10 },
  })
  await prisma.consultant.update({ where: { consultantId: eligible.consultantId }, data: { consultantStatus: 'Disabled' } })
  const booking = await prisma.appointment.create({
    data: { customerId: customer.customerId, consultantId: eligible.consultantId, appointmentDate: new Date(), notes: 'booked by hand' },
  })

  const run = await seedScenarios(prisma)
  t.equal(run.tally.consultations_orders?.deleted, 1)
  t.equal(run.tally.consultant_contract?.deleted, 1)
  t.equal(run.tally.consultants?.updated, 1)
  for (const name of ['missingOrder', 'expiredContract', 'eligible'] as const) {
    const result = await eligibilityOf(prisma, name, new Date())
    t.same(result.eligible ? null : result.reason, CONSULTANT_SCENARIOS[name].ineligibleReason, name)
  }
  t.ok(await prisma.appointment.findUnique({ where: { appointmentId: booking.appointmentId } }), 'booking kept')
})
