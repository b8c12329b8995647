import type { HousekeepingTimers } from '../../src/services/housekeeping.js'

export interface FakeTimer {
  readonly ms: number
  readonly callback: () => void
  unrefed: boolean
  cleared: boolean
  fired: boolean
}

/** Timers the test fires by hand; `scheduled` lists every timer ever set, in order. */
export function createFakeTimers() {
  const scheduled: FakeTimer[] = []
  let onSchedule: ((timer: FakeTimer) => void) | undefined
  const timers: HousekeepingTimers = {
    setTimeout(callback, ms) {
      const timer: FakeTimer & { unref(): FakeTimer } = {
        ms,
        callback,
        unrefed: false,
        cleared: false,
        fired: false,
        unref() {
          timer.unrefed = true
          return timer
        },
      }
      scheduled.push(timer)
      onSchedule?.(timer)
      return timer
    },
    clearTimeout(handle) {
      ;(handle as unknown as FakeTimer).cleared = true
    },
  }
  return {
    timers,
    scheduled,
    /** The timers neither fired nor cleared. */
    pending: () => scheduled.filter((timer) => !timer.fired && !timer.cleared),
    /** Fires the one pending timer and resolves with the timer set after its pass, once that pass is over. */
    async firePass(): Promise<FakeTimer> {
      const [timer, ...others] = scheduled.filter((candidate) => !candidate.fired && !candidate.cleared)
      if (!timer || others.length > 0) throw new Error(`expected one pending timer, found ${others.length + (timer ? 1 : 0)}`)
      const next = new Promise<FakeTimer>((resolve) => {
        onSchedule = resolve
      })
      timer.fired = true
      timer.callback()
      const nextTimer = await next
      onSchedule = undefined
      return nextTimer
    },
  }
}
