import type { ErrorCatalog, ErrorDefinition } from '@cp/domain'
import { COMMON_ERRORS } from './common-errors.js'

export interface ErrorRegistry {
  get(code: string): ErrorDefinition | undefined
  codes(): string[]
}

const CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/

/**
 * Merges the common catalog with a service's catalogs. Mistakes in a catalog are programming
 * errors, so they fail at start-up rather than as a wrong answer to some later request.
 */
export function createErrorRegistry(...catalogs: ErrorCatalog[]): ErrorRegistry {
  const merged = new Map<string, ErrorDefinition>()
  for (const catalog of [COMMON_ERRORS, ...catalogs]) {
    for (const [code, definition] of Object.entries(catalog)) {
      if (merged.has(code)) {
        if (merged.get(code) === definition) continue
        throw new Error(`Error code ${code} is defined twice`)
      }
      if (!CODE_PATTERN.test(code)) throw new Error(`Error code ${code} must be PREFIX_UPPER_SNAKE_CASE`)
      if (!Number.isInteger(definition.status) || definition.status < 400 || definition.status > 599) {
        throw new Error(`Error code ${code} has status ${definition.status}; problems are 4xx or 5xx`)
      }
      if (!definition.title.en?.trim() || !definition.title.ar?.trim()) {
        throw new Error(`Error code ${code} needs an English and an Arabic title`)
      }
      merged.set(code, definition)
    }
  }
  return {
    get: (code) => merged.get(code),
    codes: () => [...merged.keys()],
  }
}
