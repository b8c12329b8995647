import { Prisma } from '@cp/db'
import { findScenario } from '@cp/db/seed'
import { bearer } from '@cp/service-kit/testing'
import t from 'tap'
import { BASE, buildTestConsultants } from '../helpers/app.js'
import { consultantToken } from '../helpers/tokens.js'

const { app, prisma } = await buildTestConsultants(t)
const eligible = await findScenario(prisma, 'eligible')
const me = `${BASE}/me`
const asEligible = bearer(consultantToken(eligible))

async function photoRow(consultantId: number) {
  const [row] = await prisma.$queryRaw<Array<{ Photo: string | null; TimeStamp: unknown }>>(
    Prisma.sql`SELECT Photo, TimeStamp FROM consultants WHERE Consultant_ID = ${consultantId}`,
  )
  return JSON.parse(JSON.stringify(row)) as { Photo: string | null; TimeStamp: string }
}

t.test('GET and PATCH /me are private to the caller: Cache-Control private, no-store and Vary Authorization', async (t) => {
  const answers = [
    ['GET', await app.inject({ url: me, headers: asEligible })],
    ['PATCH', await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { online: true } })],
    ['GET without a token', await app.inject({ url: me })],
    ['PATCH refused', await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { price: 1 } })],
  ] as const
  for (const [what, res] of answers) {
    t.equal(res.headers['cache-control'], 'private, no-store', `${what} (${res.statusCode})`)
    const vary = String(res.headers.vary).split(',').map((field) => field.trim().toLowerCase())
    t.ok(vary.includes('authorization'), `${what}: Vary names Authorization (${res.headers.vary})`)
  }
  t.equal(answers[0][1].statusCode, 200)
  t.match(answers[0][1].headers.vary, /Accept-Language/, 'the language still counts')
  const publicList = await app.inject({ url: BASE })
  t.not(publicList.headers['cache-control'], 'private, no-store', 'the public list is not affected')
})

t.test('the photoPath GET returned can be sent straight back, even a legacy one; other paths are still checked', async (t) => {
  const read = (await app.inject({ url: me, headers: asEligible })).json()
  t.equal(read.photoPath, 'consultants/eligible.jpg', 'the seeded legacy path, outside the own folder')
  await prisma.$executeRaw(
    Prisma.sql`UPDATE consultants SET TimeStamp = '2020-01-01 00:00:00' WHERE Consultant_ID = ${eligible.consultantId}`,
  )
  const before = await photoRow(eligible.consultantId)

  const echoed = await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { photoPath: read.photoPath } })
  t.equal(echoed.statusCode, 200, echoed.body.slice(0, 200))
  t.equal(echoed.json().photoPath, 'consultants/eligible.jpg')
  t.same(await photoRow(eligible.consultantId), before, 'nothing changed, not even TimeStamp')

  const whole = await app.inject({
    method: 'PATCH',
    url: me,
    headers: asEligible,
    payload: { bioEn: read.bios.en, bioAr: read.bios.ar, photoPath: read.photoPath, online: read.online },
  })
  t.equal(whole.statusCode, 200, 'every editable field as read')

  for (const foreign of ['consultants/other.jpg', 'consultants/eligible.JPG', ' consultants/eligible.jpg', '../eligible.jpg']) {
    const res = await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { photoPath: foreign } })
    t.equal(res.statusCode, 400, `${foreign} is not the current value`)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: '/body/photoPath' }] })
  }
  t.same(await photoRow(eligible.consultantId), before, 'the refused ones wrote nothing')

  const own = `consultants/${eligible.consultantId}/new.jpg`
  const changed = await app.inject({ method: 'PATCH', url: me, headers: asEligible, payload: { photoPath: own } })
  t.equal(changed.statusCode, 200)
  const legacyAgain = await app.inject({
    method: 'PATCH',
    url: me,
    headers: asEligible,
    payload: { photoPath: 'consultants/eligible.jpg' },
  })
  t.equal(legacyAgain.statusCode, 400, 'once replaced, the old legacy path is no longer the current value')
})

t.test('integers only in canonical decimal digits, in the query as in the path', async (t) => {
  for (const query of ['page=1e2', 'page=01', 'page=1.0', 'page=+1', 'page=%201', 'pageSize=1e1', 'categoryId=1e0']) {
    const res = await app.inject({ url: `${BASE}?${query}` })
    t.equal(res.statusCode, 400, query)
    t.match(res.json(), { code: 'COMMON_VALIDATION' }, query)
  }
  t.equal((await app.inject({ url: `${BASE}?page=100` })).statusCode, 200)
  for (const id of ['1e3', '01', '+1', '2147483648', '9999999999']) {
    const res = await app.inject({ url: `${BASE}/${id}` })
    t.equal(res.statusCode, 400, id)
    t.match(res.json(), { code: 'COMMON_VALIDATION', errors: [{ path: '/params/id' }] })
  }
  const doc = (await app.inject({ url: '/docs/consultants/openapi.json' })).json()
  const idParam = doc.paths['/v1/consultants/{id}'].get.parameters.find((p: { name: string }) => p.name === 'id')
  const pattern = new RegExp(idParam.schema.pattern)
  t.ok(pattern.test('2147483647') && !pattern.test('2147483648') && !pattern.test('9999999999'), 'the document states the bound')
})

t.test('wrong methods are 405 with Allow; a trailing slash is the same route everywhere', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['DELETE', me, 'GET, HEAD, PATCH'],
    ['POST', BASE, 'GET, HEAD'],
    ['PUT', `${BASE}/${eligible.consultantId}`, 'GET, HEAD'],
    ['DELETE', `${BASE}/${eligible.consultantId}/`, 'GET, HEAD'],
  ]
  for (const [method, url, allow] of cases) {
    const res = await app.inject({ method: method as 'GET', url })
    t.equal(res.statusCode, 405, `${method} ${url}`)
    t.equal(res.headers.allow, allow)
    t.match(res.json(), { code: 'COMMON_METHOD_NOT_ALLOWED' })
  }
  const detail = await app.inject({ url: `${BASE}/${eligible.consultantId}` })
  const slashed = await app.inject({ url: `${BASE}/${eligible.consultantId}/` })
  t.equal(slashed.statusCode, 200)
  t.same(slashed.json(), detail.json())
  const mine = await app.inject({ url: `${me}/`, headers: asEligible })
  t.equal(mine.statusCode, 200, '/me/ is /me')
})
