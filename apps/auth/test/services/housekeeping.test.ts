import type { FastifyBaseLogger } from 'fastify'
import t from 'tap'
import { loadAuthConfig } from '../../src/config.js'
import { emptyPurgeReport, type PurgeReport } from '../../src/repositories/housekeeping-repository.js'
import { scheduleHousekeeping } from '../../src/services/housekeeping.js'
import { bearer, buildTestAuth, signInWithSeedPassword, TEST_PEPPER } from '../helpers/app.js'
import { freshIp, requestCode } from '../helpers/otp.js'
import { createFakeTimers } from '../helpers/timers.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const emptyReport = emptyPurgeReport()

function captureLog() {
  const lines: Array<{ level: string; data: unknown; message?: string }> = []
  const at =
    (level: string) =>
    (data: unknown, message?: string) => {
      lines.push({ level, data, ...(message === undefined ? {} : { message }) })
    }
  const log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
  return { lines, log: log as unknown as FastifyBaseLogger }
}

t.test('schedule: a first pass a minute after start, then one per interval after each pass ends; unref-ed timers', async (t) => {
  const fake = createFakeTimers()
  const { log } = captureLog()
  let passes = 0
  scheduleHousekeeping({ intervalMs: HOUR, run: async () => (passes++, emptyReport), log, timers: fake.timers })
  t.equal(fake.scheduled.length, 1)
  t.equal(fake.scheduled[0]!.ms, MINUTE)
  t.ok(fake.scheduled[0]!.unrefed, 'never keeps the process alive')
  const next = await fake.firePass()
  t.equal(passes, 1)
  t.equal(next.ms, HOUR)
  t.ok(next.unrefed)
  t.equal((await fake.firePass()).ms, HOUR)
  t.equal(passes, 2)

  const short = createFakeTimers()
  scheduleHousekeeping({ intervalMs: 30_000, run: async () => emptyReport, log, timers: short.timers })
  t.equal(short.scheduled[0]!.ms, 30_000, 'an interval under a minute also times the first pass')
})

t.test('schedule: a failed pass is logged and the next one is still scheduled', async (t) => {
  const fake = createFakeTimers()
  const { lines, log } = captureLog()
  const failure = new Error('database went away')
  scheduleHousekeeping({ intervalMs: HOUR, run: () => Promise.reject(failure), log, timers: fake.timers })
  const next = await fake.firePass()
  t.equal(next.ms, HOUR)
  t.same(lines, [{ level: 'error', data: { err: failure }, message: 'housekeeping pass failed' }])
})

t.test('schedule: what a pass deleted is logged, and a pass cut short by its batch limit is a warning', async (t) => {
  const reports: PurgeReport[] = [emptyReport, { ...emptyReport, sessions: 2, refreshTokens: 9 }, { ...emptyReport, otpEvents: 100_000, complete: false }]
  const fake = createFakeTimers()
  const { lines, log } = captureLog()
  scheduleHousekeeping({ intervalMs: HOUR, run: async () => reports.shift()!, log, timers: fake.timers })
  for (let i = 0; i < 3; i++) await fake.firePass()
  t.same(
    lines.map(({ level, data }) => [level, typeof data === 'string' ? data : undefined]),
    [
      ['debug', 'housekeeping pass: nothing to delete'],
      ['info', undefined],
      ['warn', undefined],
    ],
  )
  t.equal(lines[1]!.message, 'housekeeping pass done')
  t.equal(lines[2]!.message, 'housekeeping: batch limit reached, the rest is left for the next pass')
  t.match(lines[1]!.data, { deleted: { sessions: 2, refreshTokens: 9 } })
})

t.test('schedule: stop cancels the next pass, waits for one in progress, and schedules nothing after', async (t) => {
  const fake = createFakeTimers()
  const { log } = captureLog()
  let finishPass: (report: PurgeReport) => void = () => {}
  const schedule = scheduleHousekeeping({
    intervalMs: HOUR,
    run: () => new Promise<PurgeReport>((resolve) => (finishPass = resolve)),
    log,
    timers: fake.timers,
  })
  fake.scheduled[0]!.fired = true
  fake.scheduled[0]!.callback()
  let stopped = false
  const stopping = schedule.stop().then(() => (stopped = true))
  await new Promise((resolve) => setImmediate(resolve))
  t.equal(stopped, false, 'still waiting for the pass in progress')
  finishPass(emptyReport)
  await stopping
  t.equal(fake.scheduled.length, 1, 'no pass scheduled after stop')

  const idle = createFakeTimers()
  const idleSchedule = scheduleHousekeeping({ intervalMs: HOUR, run: async () => emptyReport, log, timers: idle.timers })
  await idleSchedule.stop()
  t.ok(idle.scheduled[0]!.cleared, 'a pending pass is cancelled')
})

t.test('configuration: AUTH_HOUSEKEEPING_INTERVAL_SECONDS defaults to an hour, 0 disables, at most a week', async (t) => {
  const base = { NODE_ENV: 'development', AUTH_OTP_PEPPER: TEST_PEPPER }
  t.equal(loadAuthConfig(base).AUTH_HOUSEKEEPING_INTERVAL_SECONDS, 3600)
  t.equal(loadAuthConfig({ ...base, AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '0' }).AUTH_HOUSEKEEPING_INTERVAL_SECONDS, 0)
  t.throws(() => loadAuthConfig({ ...base, AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '-1' }), /AUTH_HOUSEKEEPING_INTERVAL_SECONDS/)
  t.throws(() => loadAuthConfig({ ...base, AUTH_HOUSEKEEPING_INTERVAL_SECONDS: String(7 * 86_400 + 1) }), /AUTH_HOUSEKEEPING_INTERVAL_SECONDS/)
})

t.test('the app: interval 0 schedules nothing', async (t) => {
  const fake = createFakeTimers()
  await buildTestAuth(t, { seed: false, env: { AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '0' }, housekeepingTimers: fake.timers })
  t.equal(fake.scheduled.length, 0)
})

t.test('the app: passes on the configured schedule against its database, stopped by close', async (t) => {
  const fake = createFakeTimers()
  const { app, prisma, clock } = await buildTestAuth(t, {
    env: { AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '1800' },
    housekeepingTimers: fake.timers,
  })
  t.equal(fake.pending().length, 1)
  t.equal(fake.pending()[0]!.ms, MINUTE)
  t.ok(fake.pending()[0]!.unrefed)

  const login = 'active.customer@seed.test'
  const ended = await signInWithSeedPassword(app, login)
  t.equal((await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(ended.accessToken) })).statusCode, 204)
  const open = await signInWithSeedPassword(app, login)

  // Codes for one destination: 5 now and 5 an hour later, so the daily limit (10) holds until a day after the first.
  const ip = freshIp()
  const destination = 'daily-across-housekeeping@example.com'
  for (const hour of [0, 1]) {
    for (let i = 0; i < 5; i++) {
      t.equal((await requestCode(app, destination, { ip })).statusCode, 202)
      clock.advance(MINUTE)
    }
    if (hour === 0) clock.advance(HOUR)
  }
  clock.advance(DAY - HOUR - 20 * MINUTE)
  t.equal((await fake.firePass()).ms, 1800 * 1000, 'then every AUTH_HOUSEKEEPING_INTERVAL_SECONDS')
  const limited = await requestCode(app, destination, { ip })
  t.equal(limited.statusCode, 429, 'the events a limit still counts were kept')
  t.equal(limited.json().code, 'AUTH_OTP_DESTINATION_LIMITED')

  // A week after the logout, the ended session and its tokens go; the open one (used a day ago) stays.
  const rotated = await app.inject({ method: 'POST', url: '/v1/auth/token/refresh', payload: { refreshToken: open.refreshToken } })
  t.equal(rotated.statusCode, 200)
  clock.advance(7 * DAY)
  const current = rotated.json().refreshToken as string
  const rotatedAgain = await app.inject({ method: 'POST', url: '/v1/auth/token/refresh', payload: { refreshToken: current } })
  t.equal(rotatedAgain.statusCode, 200)
  await fake.firePass()
  t.equal(await prisma.authSession.count({ where: { id: ended.sessionId } }), 0, 'the ended session is gone')
  t.equal(await prisma.authRefreshToken.count({ where: { sessionId: ended.sessionId } }), 0, 'with its refresh tokens')
  const endedRefresh = await app.inject({ method: 'POST', url: '/v1/auth/token/refresh', payload: { refreshToken: ended.refreshToken } })
  t.equal(endedRefresh.statusCode, 401)
  t.equal(endedRefresh.json().code, 'AUTH_REFRESH_INVALID')

  t.equal(await prisma.authRefreshToken.count({ where: { sessionId: open.sessionId } }), 3, 'the open session keeps every token')
  const replay = await app.inject({ method: 'POST', url: '/v1/auth/token/refresh', payload: { refreshToken: current } })
  t.equal(replay.statusCode, 200, 'a replay within the grace period still gets its pair')
  t.equal(replay.json().refreshToken, rotatedAgain.json().refreshToken)
  const reuse = await app.inject({ method: 'POST', url: '/v1/auth/token/refresh', payload: { refreshToken: open.refreshToken } })
  t.equal(reuse.json().code, 'AUTH_REFRESH_REUSED', 'and an old rotated token is still recognised as reuse')

  const pending = fake.pending()
  t.equal(pending.length, 1)
  await app.close()
  t.ok(pending[0]!.cleared, 'close cancels the next pass')
  t.equal(fake.pending().length, 0)
})

t.test('the app: close lets a pass in progress finish before the database is closed', async (t) => {
  const fake = createFakeTimers()
  const { app, prisma, clock } = await buildTestAuth(t, {
    env: { AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '3600' },
    housekeepingTimers: fake.timers,
  })
  const ended = await signInWithSeedPassword(app, 'active.customer@seed.test')
  await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(ended.accessToken) })
  clock.advance(8 * DAY)
  const [timer] = fake.pending()
  timer!.fired = true
  timer!.callback() // the pass starts and is still running when close begins
  await app.close()
  t.equal(await prisma.authSession.count({ where: { id: ended.sessionId } }), 0, 'the pass completed')
  t.equal(fake.pending().length, 0, 'and nothing was scheduled after close')
})
