import { createDb, parseDbConfig } from '@cp/db'
import { findScenario, seedScenarios } from '@cp/db/seed'
import { startReplicationPair } from '@cp/db/testing'
import type { LightMyRequestResponse } from 'fastify'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { buildConsultantsApp } from '../../src/app.js'
import { loadConsultantsConfig } from '../../src/config.js'
import { BASE, CONTENT_URL, NOW, TIME_ZONE } from '../helpers/app.js'
import { bearer, TEST_ISSUER } from '@cp/service-kit/testing'
import { consultantToken, TEST_KEY } from '../helpers/tokens.js'

// Two private servers start, migrate and replicate here: allow a loaded 2-core machine far more than the usual 120 s.
t.setTimeout(360_000)

// A private MariaDB primary and replica (never the server on 3306). The replica applies every change 5 s late
// (MASTER_DELAY) while DB_REPLICA_MAX_LAG_SECONDS allows an hour: it stays in use but stale, so an answer that shows
// a change at once came from the primary and one that shows the old value came from the replica.
const DELAY_SECONDS = 5
const pair = await startReplicationPair(t, { database: 'consultants_replicated' })
const quiet = { debug() {}, info() {}, warn() {}, error() {} }
const seeder = createDb(parseDbConfig({ DATABASE_URL: pair.primaryUrl }), quiet)
t.teardown(() => seeder.disconnect())
await seedScenarios(seeder.prisma, { now: NOW })
await pair.caughtUp()
await pair.onReplica('STOP SLAVE')
await pair.onReplica(`CHANGE MASTER TO MASTER_DELAY = ${DELAY_SECONDS}`)
await pair.onReplica('START SLAVE')

const config = loadConsultantsConfig({
  NODE_ENV: 'test',
  DATABASE_URL: pair.primaryUrl,
  DATABASE_REPLICA_URLS: pair.replicaUrl,
  DB_REPLICA_MAX_LAG_SECONDS: '3600',
  DB_REPLICA_CHECK_INTERVAL_MS: '200',
  // Generous for a loaded machine: a probe or readiness query that misses its deadline would count the primary down.
  DB_BREAKER_PROBE_TIMEOUT_MS: '10000',
  DB_HEALTH_TIMEOUT_MS: '10000',
  CONSULTANTS_TOTAL_CACHE_SECONDS: '0',
  CONTENT_URL,
  PLATFORM_TIME_ZONE: TIME_ZONE,
  RATE_LIMIT_MAX: '100000',
  AUTH_ISSUER: TEST_ISSUER,
  AUTH_PUBLIC_KEY_PEM: TEST_KEY.publicKeyPem,
})
const app = await buildConsultantsApp({ config, logger: false, now: () => NOW })
t.teardown(() => app.close())
await app.ready()

const eligible = await findScenario(seeder.prisma, 'eligible')
const asEligible = { ...bearer(consultantToken(eligible)), 'accept-language': 'en' }
const replicaName = new URL(pair.replicaUrl).host
const detailUrl = `${BASE}/${eligible.consultantId}`
const listUrl = `${BASE}?pageSize=50`
const sunday = `${BASE}/${eligible.consultantId}/availability?from=${encodeURIComponent('2026-12-06T00:00:00+03:00')}&to=${encodeURIComponent('2026-12-07T00:00:00+03:00')}`

async function ok(res: Promise<LightMyRequestResponse>) {
  const answer = await res
  if (answer.statusCode !== 200) throw new Error(`expected 200, got ${answer.statusCode}: ${answer.body}`)
  return answer.json()
}
const ownBio = async () => (await ok(app.inject({ url: `${BASE}/me`, headers: asEligible }))).bios.en as string
const publicBio = async () => (await ok(app.inject({ url: detailUrl, headers: { 'accept-language': 'en' } }))).bio as string
const listedOnline = async () =>
  (await ok(app.inject({ url: listUrl }))).items.find((item: { id: number }) => item.id === eligible.consultantId)?.online as boolean
const sundaySlots = async () => ((await ok(app.inject({ url: sunday }))).slots as unknown[]).length
const readiness = async () => {
  const res = await app.inject({ url: '/health/ready' })
  return { statusCode: res.statusCode, replica: res.json().checks?.[`replica ${replicaName}`] as string | undefined }
}
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`)
    await sleep(100)
  }
}
const replicaIs = (state: string) =>
  waitFor(`replica ${state}`, async () => {
    const ready = await readiness()
    return ready.statusCode === 200 && ready.replica === state
  })

t.test('readiness lists the replica; public reads come from it while /me and its PATCH use the primary', async (t) => {
  await replicaIs('ok')
  t.match(await readiness(), { statusCode: 200, replica: 'ok' })
  const patched = await ok(app.inject({ method: 'PATCH', url: `${BASE}/me`, headers: asEligible, payload: { bioEn: 'Changed a moment ago', online: false } }))
  t.equal(patched.bios.en, 'Changed a moment ago')
  t.equal(await ownBio(), 'Changed a moment ago', 'the consultant reads their own write at once')
  t.equal(await publicBio(), 'Ten years of practice in commercial and labour law.', 'the public detail is read from the replica')
  t.equal(await listedOnline(), true, 'so is the list')
  await seeder.prisma.consultantSchedule.updateMany({ where: { consultantId: eligible.consultantId }, data: { isActive: false } })
  t.ok((await sundaySlots()) > 0, 'and the availability')
  // Each change comes through DELAY_SECONDS after its own commit.
  await waitFor('the replica to apply the changes', async () => (await publicBio()) === 'Changed a moment ago')
  t.equal(await listedOnline(), false)
  await waitFor('the replica to apply the schedule change', async () => (await sundaySlots()) === 0)
})

t.test('a stopped replica SQL thread: readiness says so, the service stays ready, reads come from the primary', async (t) => {
  await pair.onReplica('STOP SLAVE SQL_THREAD')
  await ok(app.inject({ method: 'PATCH', url: `${BASE}/me`, headers: asEligible, payload: { bioEn: 'Written while the replica stood still' } }))
  await replicaIs('stopped')
  t.equal(await publicBio(), 'Written while the replica stood still', 'the detail falls back to the primary')
  t.equal(await ownBio(), 'Written while the replica stood still')
  t.equal(await listedOnline(), false)
  await pair.onReplica('START SLAVE SQL_THREAD')
  await replicaIs('ok')
})

t.test('a killed replica: no failed request, readiness reports it down, and a restarted one is used again', async (t) => {
  // Public requests keep coming the whole time; each must be answered 200.
  const statuses: number[] = []
  let running = true
  const traffic = (async () => {
    while (running) {
      for (const url of [listUrl, detailUrl, sunday]) statuses.push((await app.inject({ url })).statusCode)
    }
  })()
  t.teardown(async () => {
    running = false
    await traffic
  })
  await sleep(300)
  await pair.killReplica()
  await replicaIs('down')
  t.equal(await publicBio(), 'Written while the replica stood still')
  await pair.restartReplica()
  await replicaIs('ok')
  running = false
  await traffic
  t.ok(statuses.length > 3, `${statuses.length} requests while it died and came back`)
  t.same([...new Set(statuses)], [200], 'every one answered')

  // In use again: once it has caught up, a change shows on the public detail only after the replica's delay.
  await pair.caughtUp()
  await ok(app.inject({ method: 'PATCH', url: `${BASE}/me`, headers: asEligible, payload: { bioEn: 'After the restart' } }))
  t.equal(await ownBio(), 'After the restart')
  t.equal(await publicBio(), 'Written while the replica stood still', 'the public detail is read from the replica again')
  await waitFor('the restarted replica to apply it', async () => (await publicBio()) === 'After the restart')
})
