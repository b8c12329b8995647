import t from 'tap'
import { seedScenarios, seedVolume, VOLUME_EMAIL_DOMAIN } from '../../src/seed/index.js'
import { customerRow, volumeDays } from '../../src/seed/volume/generate.js'
import { createTestDatabase } from '../../src/testing/index.js'
import { rawConnection } from '../helpers.js'
import { rowCounts } from './row-counts.js'

const { db, url } = await createTestDatabase(t, { connect: true })
const conn = await rawConnection(t, url)
await seedScenarios(db.prisma)

async function scalar(sql: string, values: unknown[] = []): Promise<number> {
  const [row] = await conn.query(sql, values)
  return Number(Object.values(row as Record<string, unknown>)[0])
}

// Small batches and chunks, so the run crosses statement and transaction boundaries as a big one does.
const options = { customers: 2000, consultants: 200, batchSize: 300, chunkSize: 700 }

t.test('a volume run adds the requested accounts and what consultants own', async (t) => {
  const before = await rowCounts(conn)
  const result = await seedVolume(url, options)
  t.same(result.customers, { created: 2000, present: 0 })
  t.same(result.consultants, { created: 200, present: 0 })

  const after = await rowCounts(conn)
  t.equal(after.customers, (before.customers ?? 0) + 2200, 'plain customers plus one account per consultant')
  t.equal(after.consultants, (before.consultants ?? 0) + 200)
  for (const [table, added] of Object.entries(result.rows)) {
    t.equal((after[table] ?? 0) - (before[table] ?? 0), added, `${table}: the reported count is what was inserted`)
  }
  t.equal(
    await scalar("SELECT COUNT(*) FROM customers WHERE Email LIKE ?", [`%@${VOLUME_EMAIL_DOMAIN}`]),
    2200,
  )
  t.equal(await scalar('SELECT COUNT(*) FROM appointments a JOIN consultants c USING (Consultant_ID) WHERE c.Order_In_List >= 1000'), 1200)
})

t.test('volume rows are realistic and consistent', async (t) => {
  const volumeConsultants = `SELECT c.Consultant_ID FROM consultants c JOIN customers cu ON cu.Customer_ID = c.Customer_ID WHERE cu.Email LIKE 'consultant.%@${VOLUME_EMAIL_DOMAIN}'`
  t.ok(await scalar(`SELECT COUNT(*) FROM customers WHERE First_Name REGEXP '[ء-ي]'`) > 500, 'Arabic names')
  t.ok(await scalar(`SELECT COUNT(*) FROM customers WHERE First_Name REGEXP '^[A-Za-z]'`) > 500, 'English names')
  t.ok(await scalar("SELECT COUNT(*) FROM customers WHERE Phone LIKE '+9665%'") > 1800, 'E.164 phones')

  const today = (await seedVolume(url, { customers: 0, consultants: 0 })).today
  const validContracts = await scalar(
    `SELECT COUNT(*) FROM consultant_contract WHERE Consultant_ID IN (${volumeConsultants}) AND Start_Date <= ? AND End_Date >= ?`,
    [today, today],
  )
  const expiredContracts = await scalar(
    `SELECT COUNT(*) FROM consultant_contract WHERE Consultant_ID IN (${volumeConsultants}) AND End_Date < ?`,
    [today],
  )
  const validLicenses = await scalar(
    `SELECT COUNT(*) FROM consultant_licenses WHERE Consultant_ID IN (${volumeConsultants}) AND Expiry_Date >= ?`,
    [today],
  )
  t.ok(validContracts > 160 && expiredContracts > 0, `mostly valid contracts (${validContracts}), some expired (${expiredContracts})`)
  t.ok(validLicenses > 160 && validLicenses < 200, `mostly valid licenses (${validLicenses})`)
  t.equal(
    await scalar(`SELECT COUNT(*) FROM (SELECT Consultant_ID FROM consultant_contract GROUP BY Consultant_ID HAVING COUNT(*) > 1) x`),
    0,
    'at most one contract each',
  )

  t.equal(
    await scalar(`SELECT COUNT(*) FROM reviews r JOIN appointments a ON a.Appointment_ID = r.Appointment_ID
      WHERE r.Consultant_ID IN (${volumeConsultants})
        AND (a.Consultant_ID <> r.Consultant_ID OR a.Customer_ID <> r.Customer_ID OR a.Appointment_Status <> 'Completed')`),
    0,
    'reviews belong to a completed appointment of the same customer and consultant',
  )
  t.equal(
    await scalar(`SELECT COUNT(*) FROM reviews WHERE Appointment_ID IS NULL AND Consultant_ID IN (${volumeConsultants})`),
    0,
  )
  t.equal(
    await scalar(`SELECT COUNT(*) FROM consultants c
      LEFT JOIN (SELECT Consultant_ID, ROUND(AVG(Rating), 2) AS mean, COUNT(*) AS n FROM reviews
                 WHERE Review_Status = 'Visible' GROUP BY Consultant_ID) v ON v.Consultant_ID = c.Consultant_ID
      WHERE c.Consultant_ID IN (${volumeConsultants}) AND (c.Rating_Count <> COALESCE(v.n, 0) OR c.Rating <> COALESCE(v.mean, 0))`),
    0,
    'Rating and Rating_Count match the visible reviews',
  )
  t.equal(
    await scalar(`SELECT COUNT(*) FROM consultants WHERE Consultant_ID IN (${volumeConsultants}) AND Category_ID NOT IN (SELECT Category_ID FROM consultations_categories WHERE Is_Active = 1)`),
    0,
    'consultants point at active categories only',
  )
})

t.test('re-running adds nothing; a larger count tops up with the same deterministic rows', async (t) => {
  const counts = await rowCounts(conn)
  const again = await seedVolume(url, options)
  t.same(again.customers, { created: 0, present: 2000 })
  t.same(again.rows, {})
  t.same(await rowCounts(conn), counts, 'identical row counts')

  const topUp = await seedVolume(url, { ...options, customers: 2100, consultants: 210 })
  t.same(topUp.customers, { created: 100, present: 2000 })
  t.same(topUp.consultants, { created: 10, present: 200 })
  t.equal(await scalar("SELECT COUNT(*) FROM customers WHERE Email = 'customer.2099@volume.seed.test'"), 1)

  const [stored] = await conn.query(
    'SELECT First_Name, Last_Name, Phone FROM customers WHERE Email = ?',
    ['customer.2050@volume.seed.test'],
  )
  const expected = customerRow(2050, volumeDays(topUp.today))
  t.same([stored.First_Name, stored.Last_Name, stored.Phone], expected.slice(0, 2).concat([expected[3]]))
})

t.test('refuses counts it cannot give unique phone numbers', async (t) => {
  await t.rejects(seedVolume(url, { customers: -1, consultants: 0 }), /customers must be an integer/)
  await t.rejects(seedVolume(url, { customers: 0, consultants: 1.5 }), /consultants must be an integer/)
})
