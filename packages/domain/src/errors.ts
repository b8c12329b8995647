import type { Localized } from './locale.js'

/** One stable error code: its HTTP status and a short human title in every supported language. */
export interface ErrorDefinition {
  readonly status: number
  readonly title: Localized
}

export type ErrorCatalog = Readonly<Record<string, ErrorDefinition>>

/** Keeps the literal code names of a catalog so `AppError` can be typed against them. */
export function defineErrors<const T extends ErrorCatalog>(catalog: T): T {
  return catalog
}
