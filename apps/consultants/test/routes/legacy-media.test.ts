import { findScenario } from '@cp/db/seed'
import { mediaUrlProblems, ODD_MEDIA_VALUES } from '@cp/domain/testing'
import { bearer } from '@cp/service-kit/testing'
import t from 'tap'
import { BASE, buildTestConsultants, CONTENT_URL } from '../helpers/app.js'
import { consultantToken } from '../helpers/tokens.js'

const { app, prisma } = await buildTestConsultants(t)
// Two bookable consultants: one shows its own Photo, the other has none and falls back to its account's Photo.
const own = await findScenario(prisma, 'eligible')
const fallback = await findScenario(prisma, 'bookableFamily')
await prisma.consultant.update({ where: { consultantId: fallback.consultantId }, data: { photo: null } })

interface Listed {
  id: number
  photoUrl: unknown
}

t.test('list, profile and own profile answer 200 with a safe photo URL whatever the Photo columns hold', async (t) => {
  for (const value of ODD_MEDIA_VALUES) {
    const label = JSON.stringify(value.slice(0, 40))
    await prisma.consultant.update({ where: { consultantId: own.consultantId }, data: { photo: value } })
    await prisma.customer.update({ where: { customerId: fallback.customerId }, data: { photo: value } })

    const list = await app.inject({ url: `${BASE}?pageSize=100` })
    t.equal(list.statusCode, 200, `list with ${label}`)
    if (list.statusCode !== 200) continue
    const items = list.json().items as Listed[]
    for (const consultant of [own, fallback]) {
      const item = items.find((i) => i.id === consultant.consultantId)
      t.ok(item, `${label}: consultant ${consultant.consultantId} listed`)
      t.same(mediaUrlProblems(item?.photoUrl ?? null, value, CONTENT_URL), [], `list ${label}`)
    }

    for (const consultant of [own, fallback]) {
      const detail = await app.inject({ url: `${BASE}/${consultant.consultantId}` })
      t.equal(detail.statusCode, 200, `profile with ${label}`)
      if (detail.statusCode === 200) t.same(mediaUrlProblems(detail.json().photoUrl, value, CONTENT_URL), [], `profile ${label}`)
    }

    const mine = await app.inject({ url: `${BASE}/me`, headers: bearer(consultantToken(own)) })
    t.equal(mine.statusCode, 200, `own profile with ${label}`)
    if (mine.statusCode === 200) {
      t.same(mediaUrlProblems(mine.json().photoUrl, value, CONTENT_URL), [], `own profile ${label}`)
      t.equal(mine.json().photoPath, value, 'the stored path is returned as it is')
    }
  }
})

t.test('the value that used to make the list a 500 is encoded, bad ones are null', async (t) => {
  const cases: Array<[string, string | null]> = [
    ['https://a.b/c d.png', 'https://a.b/c%20d.png'],
    ['javascript:alert(1)', null],
    ['../../etc/passwd', null],
  ]
  for (const [value, expected] of cases) {
    await prisma.consultant.update({ where: { consultantId: own.consultantId }, data: { photo: value } })
    await prisma.customer.update({ where: { customerId: fallback.customerId }, data: { photo: value } })
    const ownPhoto = (await app.inject({ url: `${BASE}/${own.consultantId}` })).json().photoUrl
    t.equal(ownPhoto, expected, value)
    const fallbackPhoto = (await app.inject({ url: `${BASE}/${fallback.consultantId}` })).json().photoUrl
    t.equal(fallbackPhoto, expected, `${value} through the account photo`)
  }
  // A consultant Photo that gives no URL falls back to the account's.
  await prisma.consultant.update({ where: { consultantId: fallback.consultantId }, data: { photo: 'javascript:x' } })
  await prisma.customer.update({ where: { customerId: fallback.customerId }, data: { photo: 'people/p 1.png' } })
  const photo = (await app.inject({ url: `${BASE}/${fallback.consultantId}` })).json().photoUrl
  t.equal(photo, `${CONTENT_URL}people/p%201.png`)
})
