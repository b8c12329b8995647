/** The service's source of "now": every time the service stores or compares comes from here, never from SQL. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

export const SECOND_MS = 1000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms)
}

/** Whole seconds from `now` until `until`, at least 1: the value of a Retry-After header. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / SECOND_MS))
}
