import type { FastifyBaseLogger } from 'fastify'
import { addMs, type Clock, DAY_MS, MINUTE_MS } from '../clock.js'
import { POLICY } from '../policy.js'
import type { HousekeepingRepository, PurgeCutoffs, PurgeReport } from '../repositories/housekeeping-repository.js'

export interface HousekeepingDeps {
  readonly repository: HousekeepingRepository
  readonly clock: Clock
  /** A session unused this long is expired (AUTH_SESSION_IDLE_DAYS). */
  readonly idleDays: number
}

const { housekeeping: retention, otp, password } = POLICY

/** What may be deleted at `now`: each cutoff lies a retention window past the last moment a row could matter. */
export function purgeCutoffs(now: Date, idleDays: number): PurgeCutoffs {
  return {
    otpEventsCreatedBefore: addMs(now, -otp.eventRetentionMs),
    otpChallengesExpiredBefore: addMs(now, -retention.challengeRetentionMs),
    sessionsRevokedBefore: addMs(now, -retention.sessionRetentionMs),
    sessionsExpiredBefore: addMs(now, -retention.sessionRetentionMs),
    sessionsLastUsedBefore: addMs(now, -(idleDays * DAY_MS + retention.sessionRetentionMs)),
    // A lock ends at most lockMs after the last failure, which falls within the window.
    throttleWindowsStartedBefore: addMs(now, -(password.windowMs + password.lockMs + retention.throttleRetentionMs)),
    limitLocksUsedBefore: addMs(now, -retention.limitLockRetentionMs),
  }
}

/** One housekeeping pass: deletes what has outlived every use, in bounded batches. */
export function createHousekeeping({ repository, clock, idleDays }: HousekeepingDeps) {
  return {
    runOnce(): Promise<PurgeReport> {
      const { batchSize, maxBatchesPerTable } = retention
      return repository.purge(purgeCutoffs(clock(), idleDays), { batchSize, maxBatchesPerTable })
    },
  }
}

export type Housekeeping = ReturnType<typeof createHousekeeping>

/** The two timer functions the schedule uses; tests pass their own to run passes by hand. */
export interface HousekeepingTimers {
  setTimeout(callback: () => void, ms: number): { unref(): unknown }
  clearTimeout(handle: { unref(): unknown }): void
}

export const systemTimers: HousekeepingTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

export interface HousekeepingSchedule {
  /** Cancels the next pass and waits for one in progress. */
  stop(): Promise<void>
}

/** The first pass comes soon after start, so that frequent restarts cannot put it off for ever. */
export const FIRST_PASS_DELAY_MS = MINUTE_MS

/**
 * Runs `run` every `intervalMs`, the next pass timed from the end of the previous one, so passes never overlap on one
 * instance (on several they may, which the repository allows). A failed pass is logged and the schedule goes on. The
 * timers are unref'ed: housekeeping never keeps the process alive.
 */
export function scheduleHousekeeping(options: {
  readonly intervalMs: number
  readonly run: () => Promise<PurgeReport>
  readonly log: FastifyBaseLogger
  readonly timers?: HousekeepingTimers
}): HousekeepingSchedule {
  const { intervalMs, run, log, timers = systemTimers } = options
  let timer: { unref(): unknown } | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const pass = async () => {
    try {
      const report = await run()
      const { complete, ...deleted } = report
      if (!complete) log.warn({ deleted }, 'housekeeping: batch limit reached, the rest is left for the next pass')
      else if (Object.values(deleted).some((count) => count > 0)) log.info({ deleted }, 'housekeeping pass done')
      else log.debug('housekeeping pass: nothing to delete')
    } catch (error) {
      log.error({ err: error }, 'housekeeping pass failed')
    }
  }
  const schedule = (delayMs: number) => {
    timer = timers.setTimeout(() => {
      timer = undefined
      running = pass().finally(() => {
        running = undefined
        if (!stopped) schedule(intervalMs)
      })
    }, delayMs)
    timer.unref()
  }
  schedule(Math.min(FIRST_PASS_DELAY_MS, intervalMs))

  return {
    async stop() {
      stopped = true
      if (timer) timers.clearTimeout(timer)
      timer = undefined
      await running
    },
  }
}
