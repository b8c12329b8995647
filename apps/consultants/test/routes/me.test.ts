import { Prisma } from '@cp/db'
import { CONSULTANT_SCENARIOS, type ConsultantScenarioName, findScenario } from '@cp/db/seed'
import { bearer, customerClaims, generateTestKey, signToken } from '@cp/service-kit/testing'
import type { LightMyRequestResponse } from 'fastify'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { BASE, buildTestConsultants, CONTENT_URL } from '../helpers/app.js'
import { consultantToken, customerToken } from '../helpers/tokens.js'

const { app, prisma } = await buildTestConsultants(t)
const eligible = await findScenario(prisma, 'eligible')
const me = `${BASE}/me`
const asEligible = bearer(consultantToken(eligible))
/** Where the eligible consultant's own media live, the only place their photo may come from. */
const ownFolder = `consultants/${eligible.consultantId}/`

/** The whole legacy row, every column under its legacy name. */
async function rawRow(consultantId: number): Promise<Record<string, unknown>> {
  const [row] = await prisma.$queryRaw<Array<Record<string, unknown>>>(
    Prisma.sql`SELECT * FROM consultants WHERE Consultant_ID = ${consultantId}`,
  )
  if (!row) throw new Error(`no consultants row ${consultantId}`)
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>
}
const withoutTimeStamp = ({ TimeStamp: _, ...rest }: Record<string, unknown>) => rest
const OLD_TIMESTAMP = '2020-01-01 00:00:00'
async function ageTimeStamp(consultantId: number) {
  // Set explicitly, so ON UPDATE does not apply to this statement; TIMESTAMP(0) would hide a same-second change.
  await prisma.$executeRaw(Prisma.sql`UPDATE consultants SET TimeStamp = ${OLD_TIMESTAMP} WHERE Consultant_ID = ${consultantId}`)
  return rawRow(consultantId)
}

t.test('the private profile of an eligible consultant', async (t) => {
  const res = await app.inject({ url: me, headers: { ...asEligible, 'accept-language': 'en' } })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(Object.keys(body).sort(), [
    'bios', 'branch', 'category', 'contract', 'eligibility', 'id', 'license', 'name', 'online', 'photoPath',
    'photoUrl', 'price', 'rating', 'ratingCount', 'title', 'titles', 'verified',
  ])
  t.match(body, {
    id: eligible.consultantId,
    name: 'أحمد المالكي',
    title: 'Corporate Lawyer',
    titles: { en: 'Corporate Lawyer', ar: 'محامٍ تجاري' },
    bios: { en: 'Ten years of practice in commercial and labour law.', ar: 'عشر سنوات من الممارسة في القانون التجاري وقانون العمل.' },
    photoPath: 'consultants/eligible.jpg',
    photoUrl: `${CONTENT_URL}consultants/eligible.jpg`,
    category: { name: 'Legal' },
    online: true,
  })
  t.same(body.contract, { startDate: '2026-11-02', endDate: '2027-12-02' })
  t.same(body.license, { expiryDate: '2027-12-02' })
  t.same(body.eligibility, { eligible: true, eligibleUntil: '2027-12-03T00:00:00+03:00' }, 'the day after both end')
  t.notMatch(res.body, /License_Number|SEED|Standard consultant agreement|contracts\/seed|@seed\.test|\+9665|commission/i)
  const ar = (await app.inject({ url: me, headers: { ...asEligible, 'accept-language': 'ar' } })).json()
  t.match(ar, { title: 'محامٍ تجاري', category: { name: 'استشارات قانونية' } })
})

t.test('/me is its own route, not an id', async (t) => {
  const res = await app.inject({ url: me })
  t.equal(res.statusCode, 401, 'the static route wins over /:id (which would answer 400)')
  t.match(res.headers['www-authenticate'], /^Bearer/)
  t.match(res.json(), { code: 'COMMON_UNAUTHORIZED' })
})

t.test('no token 401, a bad token 401, a customer token 403', async (t) => {
  const customer = await findScenario(prisma, 'activeCustomer')
  for (const method of ['GET', 'PATCH'] as const) {
    const body = method === 'PATCH' ? { online: false } : undefined
    const none = await app.inject({ method, url: me, ...(body ? { payload: body } : {}) })
    t.equal(none.statusCode, 401, `${method} without a token`)
    const forged = signToken(generateTestKey(), customerClaims({ sub: String(eligible.customerId) }))
    const bad = await app.inject({ method, url: me, headers: bearer(forged), ...(body ? { payload: body } : {}) })
    t.equal(bad.statusCode, 401, `${method} with a token from an unknown key`)
    t.match(bad.headers['www-authenticate'], /invalid_token/)
    const asCustomer = await app.inject({
      method,
      url: me,
      headers: { ...bearer(customerToken(customer.customerId)), 'accept-language': 'ar' },
      ...(body ? { payload: body } : {}),
    })
    t.equal(asCustomer.statusCode, 403, `${method} as a customer`)
    t.match(asCustomer.json(), { code: 'COMMON_FORBIDDEN', title: 'غير مسموح لك بتنفيذ هذا الإجراء' })
  }
  const big = await app.inject({ method: 'PATCH', url: me, payload: { bioEn: 'x'.repeat(1024 * 1024) } })
  t.equal(big.statusCode, 401, 'an anonymous 1 MB body is refused before it is read')
})

t.test('a consultant who is no longer eligible gets the sign-in rule\'s own 403', async (t) => {
  const names = (Object.keys(CONSULTANT_SCENARIOS) as ConsultantScenarioName[]).filter(
    (name) => CONSULTANT_SCENARIOS[name].ineligibleReason !== null,
  )
  for (const name of names) {
    const ids = await findScenario(prisma, name)
    const code = `AUTH_CONSULTANT_${CONSULTANT_SCENARIOS[name].ineligibleReason}`
    const get = await app.inject({ url: me, headers: bearer(consultantToken(ids)) })
    t.equal(get.statusCode, 403, `${name}: GET`)
    t.match(get.json(), { code }, name)
    const before = await rawRow(ids.consultantId)
    const patch = await app.inject({
      method: 'PATCH',
      url: me,
      headers: { ...bearer(consultantToken(ids)), 'accept-language': 'ar' },
      payload: { bioEn: 'changed', online: true },
    })
    t.equal(patch.statusCode, 403, `${name}: PATCH`)
    t.match(patch.json(), { code })
    t.same(await rawRow(ids.consultantId), before, `${name}: nothing written`)
  }
  const arabic = await app.inject({
    url: me,
    headers: { ...bearer(consultantToken(await findScenario(prisma, 'expiredLicense'))), 'accept-language': 'ar' },
  })
  t.match(arabic.json(), { code: 'AUTH_CONSULTANT_LICENSE_EXPIRED', title: 'انتهت صلاحية ترخيص المستشار' })
})

t.test("a token naming someone else's consultant row is refused", async (t) => {
  const other = await findScenario(prisma, 'bookableFamily')
  const res = await app.inject({
    url: me,
    headers: bearer(consultantToken({ customerId: eligible.customerId, consultantId: other.consultantId })),
  })
  t.equal(res.statusCode, 403)
  t.match(res.json(), { code: 'AUTH_CONSULTANT_CONSULTANT_MISSING' })
})

t.test('PATCH writes only the given columns, and the legacy TimeStamp moves', async (t) => {
  const before = await ageTimeStamp(eligible.consultantId)
  const res = await app.inject({
    method: 'PATCH',
    url: me,
    headers: asEligible,
    payload: { bioEn: 'New English bio', bioAr: 'سيرة جديدة', photoPath: `${ownFolder}new-photo.jpg`, online: false },
  })
  t.equal(res.statusCode, 200)
  t.match(res.json(), {
    bios: { en: 'New English bio', ar: 'سيرة جديدة' },
    photoPath: `${ownFolder}new-photo.jpg`,
    photoUrl: `${CONTENT_URL}${ownFolder}new-photo.jpg`,
    online: false,
  })
  const after = await rawRow(eligible.consultantId)
  t.same(withoutTimeStamp(after), {
    ...withoutTimeStamp(before),
    Bio_En: 'New English bio',
    Bio_Ar: 'سيرة جديدة',
    Photo: `${ownFolder}new-photo.jpg`,
    Online_Status: 0,
  }, 'every other column as it was')
  t.not(after.TimeStamp, before.TimeStamp, 'TimeStamp moved')
  t.ok(Date.parse(String(after.TimeStamp)) > Date.parse('2020-01-02'), 'to the time of the write')

  const one = await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { bioAr: null } })
  t.equal(one.statusCode, 200)
  t.same(one.json().bios, { en: 'New English bio', ar: null }, 'null clears one language')
  const cleared = await rawRow(eligible.consultantId)
  t.same(withoutTimeStamp(cleared), { ...withoutTimeStamp(after), Bio_Ar: null })
})

t.test('a PATCH that changes nothing leaves TimeStamp alone (MySQL moves it only on a real change)', async (t) => {
  const current = await rawRow(eligible.consultantId)
  const before = await ageTimeStamp(eligible.consultantId)
  const res = await app.inject({
    method: 'PATCH',
    url: me,
    headers: asEligible,
    payload: { bioEn: current.Bio_En, online: Boolean(current.Online_Status) },
  })
  t.equal(res.statusCode, 200)
  t.same(await rawRow(eligible.consultantId), before)
})

t.test('refused PATCH bodies are 400 (or 413/415) and write nothing', async (t) => {
  const before = await ageTimeStamp(eligible.consultantId)
  const refused: Array<[unknown, number, string]> = [
    [{ consultantStatus: 'Disabled' }, 400, '/body/consultantStatus'],
    [{ status: 'Disabled' }, 400, '/body/status'],
    [{ price: 1 }, 400, '/body/price'],
    [{ orderInList: 0 }, 400, '/body/orderInList'],
    [{ order: 0 }, 400, '/body/order'],
    [{ rating: 5 }, 400, '/body/rating'],
    [{ categoryId: 1 }, 400, '/body/categoryId'],
    [{ bioEn: 'fine', verifiedStatus: 'Verified' }, 400, '/body/verifiedStatus'],
    [{ online: true, unknown: 1 }, 400, '/body/unknown'],
    [{}, 400, '/body'],
    [{ bioEn: 5 }, 400, '/body/bioEn'],
    [{ online: 'yes' }, 400, '/body/online'],
    [{ bioEn: 'x'.repeat(10 * 1024) }, 400, '/body/bioEn'],
    [{ photoPath: '../../etc/passwd' }, 400, '/body/photoPath'],
    [{ photoPath: 'https://evil.example/x.jpg' }, 400, '/body/photoPath'],
    [{ photoPath: '/absolute.jpg' }, 400, '/body/photoPath'],
    [{ photoPath: 'a//b.jpg' }, 400, '/body/photoPath'],
    [{ photoPath: '' }, 400, '/body/photoPath'],
    [[{ online: true }], 400, '/body'],
  ]
  for (const [payload, status, path] of refused) {
    const res = await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: payload as object })
    t.equal(res.statusCode, status, JSON.stringify(payload).slice(0, 60))
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path }] })
  }
  const huge = await app.inject({
    method: 'PATCH',
    url: me,
    headers: { ...asEligible, 'content-type': 'application/json' },
    payload: JSON.stringify({ bioEn: 'x'.repeat(1024 * 1024) }),
  })
  t.equal(huge.statusCode, 413, 'a 1 MB bio is over the body limit')
  t.match(huge.json(), { code: 'COMMON_PAYLOAD_TOO_LARGE' })
  const form = await app.inject({
    method: 'PATCH',
    url: me,
    headers: { ...asEligible, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'online=true',
  })
  t.equal(form.statusCode, 415, 'JSON only')
  t.match(form.json(), { code: 'COMMON_UNSUPPORTED_MEDIA_TYPE' })
  const text = await app.inject({
    method: 'PATCH',
    url: me,
    headers: { ...asEligible, 'content-type': 'text/plain' },
    payload: '{"online":true}',
  })
  t.equal(text.statusCode, 415, 'JSON only, text too')
  t.match(text.json(), { code: 'COMMON_UNSUPPORTED_MEDIA_TYPE' })
  const broken = await app.inject({
    method: 'PATCH',
    url: me,
    headers: { ...asEligible, 'content-type': 'application/json' },
    payload: '{"online":',
  })
  t.equal(broken.statusCode, 400)
  t.same(await rawRow(eligible.consultantId), before, 'no partial write, TimeStamp untouched')
})

t.test("photoPath: an image in the consultant's own folder, nothing else", async (t) => {
  const other = await findScenario(prisma, 'bookableFamily')
  for (const path of [
    `${ownFolder}photo.jpg`,
    `${ownFolder}photo.jpeg`,
    `${ownFolder}photo.png`,
    `${ownFolder}photo.webp`,
    `${ownFolder}PHOTO.JPG`,
    `${ownFolder}2026/12/avatar-v2.final.webp`,
  ]) {
    const res = await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { photoPath: path } })
    t.equal(res.statusCode, 200, path)
    t.equal(res.json().photoPath, path)
  }
  const before = await ageTimeStamp(eligible.consultantId)
  const refused = [
    'contracts/seed/contract.pdf',
    'contracts/seed/photo.jpg',
    `licenses/${eligible.consultantId}/photo.jpg`,
    `consultants/${other.consultantId}/photo.jpg`,
    `consultants/${eligible.consultantId}0/photo.jpg`,
    `consultants/${eligible.consultantId}`,
    `${ownFolder}`,
    `${ownFolder}x.pdf`,
    `${ownFolder}photo.jpg.pdf`,
    `${ownFolder}photo`,
    `${ownFolder}.jpg`,
    `${ownFolder}../${other.consultantId}/photo.jpg`,
    `${ownFolder}..jpg`,
    '../photo.jpg',
    `/${ownFolder}photo.jpg`,
    'https://evil/photo.jpg',
    `https://evil/${ownFolder}photo.jpg`,
    `//evil/${ownFolder}photo.jpg`,
    `${ownFolder}a b.jpg`,
    `${ownFolder}${'a'.repeat(250)}.jpg`,
  ]
  for (const path of refused) {
    const res = await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { photoPath: path, online: false } })
    t.equal(res.statusCode, 400, path)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: '/body/photoPath' }] }, path)
  }
  t.same(await rawRow(eligible.consultantId), before, 'nothing written')
})

/** The SQL the service sends while set (Prisma cannot remove a listener, so one listener serves every test). */
let recording: string[] | undefined
// @cp/db builds the client with query events on, but it is typed as a plain PrismaClient.
const queryEvents = app.db as unknown as { $on(event: 'query', listener: (event: { query: string }) => void): void }
queryEvents.$on('query', (event) => recording?.push(event.query))

t.test('PATCH reads the profile once and writes in the same transaction', async (t) => {
  const seen: string[] = []
  recording = seen
  const res = await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { bioEn: 'Read once.' } })
  recording = undefined
  t.equal(res.statusCode, 200)
  t.match(res.json(), { bios: { en: 'Read once.' } }, 'the response shows the new value')
  // Prisma quotes table names; the eligibility facts' own SQL (@cp/db) does not.
  const reads = (table: string) =>
    seen.filter((sql) => /^\s*SELECT/.test(sql) && new RegExp(`FROM \`?${table}\`?\\s`).test(sql)).length
  const profileTables = [
    'customers', 'consultations_orders', 'consultant_contract', 'consultant_licenses', 'consultations_categories', 'branches',
  ]
  for (const table of profileTables) {
    t.equal(reads(table), 1, `${table} read once`)
  }
  const updates = seen.filter((sql) => /^UPDATE/.test(sql))
  t.equal(updates.length, 1, 'one UPDATE')
  t.match(updates[0], /^UPDATE `consultants` SET `Bio_En` = \? WHERE/, 'naming only the given column')
  const commits = seen.flatMap((sql, index) => (/COMMIT/i.test(sql) ? [index] : []))
  t.same(commits, [seen.length - 1], 'one commit, after everything else')
})

/**
 * Waits until a transaction on this test's database waits for a row lock (bounded, so a bug fails, not hangs).
 * InnoDB refreshes INNODB_TRX only when nobody read it for 100 ms, hence the pace.
 */
async function untilSomeoneWaitsForALock() {
  for (let attempt = 0; attempt < 80; attempt += 1) {
    await sleep(250)
    const [row] = await prisma.$queryRaw<Array<{ waiting: bigint | number }>>(Prisma.sql`
      SELECT COUNT(*) AS waiting FROM information_schema.INNODB_TRX x
      JOIN information_schema.PROCESSLIST p ON p.ID = x.trx_mysql_thread_id
      WHERE x.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`)
    if (Number(row?.waiting) > 0) return
  }
  throw new Error('no transaction came to wait for the lock')
}

t.test('a consultant disabled while their PATCH is under way is refused, and nothing is written', async (t) => {
  const family = await findScenario(prisma, 'bookableFamily')
  t.teardown(() =>
    prisma.$executeRaw(Prisma.sql`UPDATE consultants SET Consultant_Status = 'Active' WHERE Consultant_ID = ${family.consultantId}`),
  )
  const before = await rawRow(family.consultantId)
  let patch: Promise<LightMyRequestResponse> | undefined
  // An administrator's transaction disables the consultant and holds the row while the PATCH arrives.
  await prisma.$transaction(
    async (admin) => {
      await admin.$executeRaw(
        Prisma.sql`UPDATE consultants SET Consultant_Status = 'Disabled' WHERE Consultant_ID = ${family.consultantId}`,
      )
      patch = app.inject({ method: 'PATCH', url: me, headers: bearer(consultantToken(family)), payload: { bioEn: 'too late' } })
      await untilSomeoneWaitsForALock()
    },
    { timeout: 30_000 },
  )
  const res = await patch
  t.equal(res?.statusCode, 403, 'the check sees the committed change')
  t.match(res?.json(), { code: 'AUTH_CONSULTANT_CONSULTANT_DISABLED' })
  t.same(
    withoutTimeStamp(await rawRow(family.consultantId)),
    { ...withoutTimeStamp(before), Consultant_Status: 'Disabled' },
    'no bio written',
  )
})
