import { Prisma } from '@cp/db'
import { findScenario } from '@cp/db/seed'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { buildConsultantsApp } from '../../src/app.js'
import { BASE, buildTestConsultants, NOW } from '../helpers/app.js'
import { bearer } from '@cp/service-kit/testing'
import { consultantToken } from '../helpers/tokens.js'

// Two instances of the service on one database, as behind the proxy, with a one-second profile cache: what each
// serves is at most that old, a consultant's own change shows at once on the instance that made it, and their
// own profile (/me) is never served from the cache.
const TTL_SECONDS = 3
const { app: first, prisma, config } = await buildTestConsultants(t, {
  env: { CONSULTANTS_PROFILE_CACHE_SECONDS: String(TTL_SECONDS) },
})
const second = await buildConsultantsApp({ config, logger: false, now: () => NOW })
t.teardown(() => second.close())
await second.ready()

const eligible = await findScenario(prisma, 'eligible')
const profileUrl = `${BASE}/${eligible.consultantId}`
const asEligible = { ...bearer(consultantToken(eligible)), 'accept-language': 'en' }

async function bioOn(app: typeof first) {
  const res = await app.inject({ url: profileUrl, headers: { 'accept-language': 'en' } })
  return res.statusCode === 200 ? (res.json() as { bio: string | null }).bio : res.statusCode
}

t.test('a PATCH shows at once on its own instance and on /me, elsewhere within the TTL', async (t) => {
  const before = await bioOn(first)
  t.not(before, 'Fresh bio.')
  const cachedAt = Date.now()
  t.equal(await bioOn(second), before, 'both instances read and keep the profile')

  const patch = await first.inject({ method: 'PATCH', url: `${BASE}/me`, headers: asEligible, payload: { bioEn: 'Fresh bio.' } })
  t.equal(patch.statusCode, 200)
  for (const [name, app] of [['first', first], ['second', second]] as const) {
    const own = (await app.inject({ url: `${BASE}/me`, headers: asEligible })).json() as { bios: { en: string } }
    t.equal(own.bios.en, 'Fresh bio.', `/me on the ${name} instance reads the change at once`)
  }
  t.equal(await bioOn(first), 'Fresh bio.', 'the instance that made the change forgot its cached profile')
  const stale = await bioOn(second)
  // On a loaded machine the steps above may outlast the TTL; the old profile is only promised within it.
  if (Date.now() - cachedAt < TTL_SECONDS * 1000) t.equal(stale, before, 'another instance may serve the old profile within the TTL')
  await sleep(TTL_SECONDS * 1000 + 100)
  t.equal(await bioOn(second), 'Fresh bio.', 'and no longer once the TTL has passed')
})

t.test('a change made outside the service (an administrator) reaches every instance within the TTL', async (t) => {
  t.equal(typeof (await bioOn(first)), 'string', 'bookable and cached')
  t.equal(typeof (await bioOn(second)), 'string')
  const cachedAt = Date.now()
  await prisma.$executeRaw(
    Prisma.sql`UPDATE consultants SET Consultant_Status = 'Disabled' WHERE Consultant_ID = ${eligible.consultantId}`,
  )
  t.teardown(() =>
    prisma.$executeRaw(
      Prisma.sql`UPDATE consultants SET Consultant_Status = 'Active' WHERE Consultant_ID = ${eligible.consultantId}`,
    ),
  )
  const served = await bioOn(first)
  if (Date.now() - cachedAt < TTL_SECONDS * 1000) t.equal(typeof served, 'string', 'still served from the cache')
  t.equal((await first.inject({ url: `${BASE}/me`, headers: asEligible })).statusCode, 403, '/me checks at once')
  await sleep(TTL_SECONDS * 1000 + 100)
  t.equal(await bioOn(first), 404, 'gone from the first instance after the TTL')
  t.equal(await bioOn(second), 404, 'and from the second')
})

t.test('CONSULTANTS_PROFILE_CACHE_SECONDS=0 reads every time', async (t) => {
  const uncached = await buildConsultantsApp({
    config: { ...config, CONSULTANTS_PROFILE_CACHE_SECONDS: 0 },
    logger: false,
    now: () => NOW,
  })
  t.teardown(() => uncached.close())
  t.equal(typeof (await bioOn(uncached)), 'string')
  await prisma.$executeRaw(Prisma.sql`UPDATE consultants SET Bio_En = 'Changed.' WHERE Consultant_ID = ${eligible.consultantId}`)
  t.equal(await bioOn(uncached), 'Changed.')
})

t.test('each language is rendered from the one cached read, and is the answer an uncached instance gives', async (t) => {
  const cached = await buildConsultantsApp({ config: { ...config, CONSULTANTS_PROFILE_CACHE_SECONDS: 60 }, logger: false, now: () => NOW })
  const uncached = await buildConsultantsApp({ config: { ...config, CONSULTANTS_PROFILE_CACHE_SECONDS: 0 }, logger: false, now: () => NOW })
  t.teardown(() => Promise.all([cached.close(), uncached.close()]))
  await Promise.all([cached.ready(), uncached.ready()])
  const statements: string[] = []
  const stop = cached.observeDbStatements((sql) => statements.push(sql))
  const bodies: Record<'en' | 'ar', string[]> = { en: [], ar: [] }
  for (const language of ['en', 'ar', 'en', 'ar', 'en'] as const) {
    const res = await cached.inject({ url: profileUrl, headers: { 'accept-language': language } })
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
    t.equal(res.headers['content-language'], language)
    bodies[language].push(res.body)
  }
  stop()
  t.equal(statements.filter((sql) => /reviews/.test(sql)).length, 1, 'one profile read for all five answers')
  t.equal(new Set(bodies.en).size, 1)
  t.equal(new Set(bodies.ar).size, 1)
  t.not(bodies.en[0], bodies.ar[0], 'the languages differ')
  for (const language of ['en', 'ar'] as const) {
    const fresh = await uncached.inject({ url: profileUrl, headers: { 'accept-language': language } })
    t.equal(bodies[language][0], fresh.body, `${language}: byte for byte what an uncached instance answers`)
  }
})
