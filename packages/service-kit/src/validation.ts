import { AjvCompiler, type Options as AjvOptions, type ValidatorFactory } from '@fastify/ajv-compiler'

/** Ajv settings shared by every request part. */
export const AJV_OPTIONS = {
  // Unknown keys are rejected where a schema says `additionalProperties: false`, not silently dropped.
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
} as const satisfies AjvOptions

/**
 * Query strings, params and headers arrive as text and are coerced to the schema's types
 * (`?page=2` -> 2, `?tag=a` -> ['a']); JSON bodies already carry types, so `"5"` stays a string
 * and fails a number schema instead of being accepted.
 */
export function buildValidatorFactory(): ValidatorFactory {
  const fromPool = AjvCompiler()
  return (externalSchemas, serverOptions) => {
    const { plugins, onCreate } = serverOptions ?? {}
    const customOptions = { ...(serverOptions?.customOptions as AjvOptions | undefined), ...AJV_OPTIONS }
    const shared = { ...(plugins ? { plugins } : {}), ...(onCreate ? { onCreate } : {}) }
    const forBody = fromPool(externalSchemas, { ...shared, customOptions: { ...customOptions, coerceTypes: false } })
    const forText = fromPool(externalSchemas, { ...shared, customOptions: { ...customOptions, coerceTypes: 'array' } })
    return (route) => (route.httpPart === 'body' ? forBody(route) : forText(route))
  }
}
