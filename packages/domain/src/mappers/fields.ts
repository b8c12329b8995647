import type { Locale } from '../locale.js'

export interface MediaOptions {
  /** `CONTENT_URL`: the host legacy media paths are relative to. */
  readonly contentUrl: string
}

export interface LocalizedMediaOptions extends MediaOptions {
  readonly locale: Locale
}

/** `First Last`, without stray spaces when either part is missing. */
export function joinName(firstName: string | null, lastName: string | null): string {
  return [firstName?.trim(), lastName?.trim()].filter(Boolean).join(' ')
}

export function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

/** A reference column without a foreign key; 0 is never a row (AUTO_INCREMENT starts at 1), so it means none. */
export function optionalReference<Id>(value: number | null, cast: (value: number) => Id): Id | null {
  return value !== null && value > 0 ? cast(value) : null
}
