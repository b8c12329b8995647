import { AjvCompiler, type Options as AjvOptions, type ValidatorFactory } from '@fastify/ajv-compiler'

/** Ajv settings shared by every request part. */
export const AJV_OPTIONS = {
  // Unknown keys are rejected where a schema says `additionalProperties: false`, not silently dropped.
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
} as const satisfies AjvOptions

/**
 * The one spelling of an integer in a URL: decimal digits, no leading zero, no exponent, fraction, `+` or spaces.
 * Ajv's coercion would read `1e2` as 100 and `01`, `1.0`, `+1` or ` 1` as 1, so a client could not tell which
 * spelling it was relying on; path ids already refuse them (their schema is a pattern), query integers do too.
 */
export const CANONICAL_INTEGER = /^-?(?:0|[1-9][0-9]*)$/
export const CANONICAL_INTEGER_MESSAGE =
  'must be an integer in plain decimal digits (no leading zero, plus sign, exponent, fraction or space)'

type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown }

/**
 * Query strings, params and headers arrive as text and are coerced to the schema's types
 * (`?page=2` -> 2, `?tag=a` -> ['a']), but an integer only from its canonical spelling; JSON bodies
 * already carry types, so `"5"` stays a string and fails a number schema instead of being accepted.
 */
export function buildValidatorFactory(): ValidatorFactory {
  const fromPool = AjvCompiler()
  return (externalSchemas, serverOptions) => {
    const { plugins, onCreate } = serverOptions ?? {}
    const customOptions = { ...(serverOptions?.customOptions as AjvOptions | undefined), ...AJV_OPTIONS }
    const shared = { ...(plugins ? { plugins } : {}), ...(onCreate ? { onCreate } : {}) }
    const forBody = fromPool(externalSchemas, { ...shared, customOptions: { ...customOptions, coerceTypes: false } })
    const forText = fromPool(externalSchemas, { ...shared, customOptions: { ...customOptions, coerceTypes: 'array' } })
    return (route) => {
      if (route.httpPart === 'body') return forBody(route)
      const validate = forText(route)
      const checked = refuseNonCanonicalIntegers(validate as unknown as Validate, integerProperties(route.schema))
      return checked as unknown as typeof validate
    }
  }
}

/** Names of the top-level properties whose schema is (or may be) an integer. */
function integerProperties(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties
  if (!properties || typeof properties !== 'object') return []
  return Object.entries(properties)
    .filter(([, property]) => mayBeInteger(property))
    .map(([name]) => name)
}

function mayBeInteger(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false
  const { type, anyOf, oneOf } = schema as { type?: unknown; anyOf?: unknown; oneOf?: unknown }
  if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) return true
  return [anyOf, oneOf].some((branches) => Array.isArray(branches) && branches.some(mayBeInteger))
}

/** Checks the raw text of integer properties before Ajv coerces it, then lets Ajv validate as usual. */
function refuseNonCanonicalIntegers(validate: Validate, names: readonly string[]): Validate {
  if (names.length === 0) return validate
  const wrapped: Validate = (data, context) => {
    if (typeof data === 'object' && data !== null) {
      for (const name of names) {
        const raw = (data as Record<string, unknown>)[name]
        const spellings = Array.isArray(raw) ? raw : [raw]
        if (spellings.some((value) => typeof value === 'string' && !CANONICAL_INTEGER.test(value))) {
          wrapped.errors = [
            {
              keyword: 'type',
              instancePath: `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
              schemaPath: `#/properties/${name}/type`,
              params: { type: 'integer' },
              message: CANONICAL_INTEGER_MESSAGE,
            },
          ]
          return false
        }
      }
    }
    const valid = validate(data, context)
    wrapped.errors = validate.errors
    return valid
  }
  // Fastify passes the parent object to Ajv functions (it lets Ajv replace a coerced root value).
  if (validate.schemaEnv !== undefined) wrapped.schemaEnv = validate.schemaEnv
  return wrapped
}
