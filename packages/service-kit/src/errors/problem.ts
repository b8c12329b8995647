import type { ErrorDefinition, Locale, Localized } from '@cp/domain'
import type { Problem } from '../schemas/problem.js'
import type { AppError } from './app-error.js'

export const DEFAULT_PROBLEM_TYPE_BASE = 'urn:problem:'

function interpolate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

function localize(text: string | Localized, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale]
}

export interface ProblemContext {
  readonly locale: Locale
  readonly requestId: string
  readonly instance: string
  readonly typeBase: string
}

/**
 * The RFC 9457 body for an AppError whose code is in the catalog. Server errors keep their
 * detail for the logs only: the body says no more than the title.
 */
export function renderProblem(error: AppError, definition: ErrorDefinition, context: ProblemContext): Problem {
  const title = definition.title[context.locale]
  const isServerError = definition.status >= 500
  const detail =
    error.detail === undefined || isServerError ? title : interpolate(localize(error.detail, context.locale), error.params)
  return {
    type: `${context.typeBase}${error.code}`,
    title,
    status: definition.status,
    detail,
    code: error.code,
    instance: context.instance,
    requestId: context.requestId,
    ...(error.errors && !isServerError ? { errors: [...error.errors] } : {}),
  }
}
