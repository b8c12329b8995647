import { type StaticDecode, type TObject, type TSchema, TransformKind } from '@sinclair/typebox'
import { TransformDecodeError, type ValueError, Value } from '@sinclair/typebox/value'

/** One rejected environment variable and why, never with the value of a secret. */
export interface ConfigIssue {
  readonly variable: string
  readonly reason: string
}

export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[]

  constructor(issues: readonly ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i.variable}: ${i.reason}`).join('\n')}`)
    this.name = 'ConfigError'
    this.issues = issues
  }
}

// URLs and DSNs are included because connection strings carry passwords.
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|KEY|PRIVATE|CREDENTIAL|COOKIE|SALT|DSN|_URL$|_URI$/i

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

function describeValue(variable: string, value: unknown): string {
  if (value === undefined) return ''
  if (isSecretName(variable)) return ' (value hidden)'
  const text = String(value)
  return ` (got ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)})`
}

function variableOf(path: string): string {
  return path.split('/')[1] ?? path
}

/**
 * Validates environment variables against a TypeBox object schema once at start-up:
 * applies defaults, coerces numbers and booleans from their string form, runs transforms
 * (`Type.Transform`) and reports every bad variable at once.
 */
export function loadConfig<T extends TObject>(
  schema: T,
  env: Readonly<Record<string, string | undefined>> = process.env,
): StaticDecode<T> {
  // Only the declared variables are read, so the rest of the environment never reaches logs or errors.
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(schema.properties)) {
    const value = env[key]
    // An empty variable means "not set", as in most shells and compose files.
    if (value !== undefined && value !== '') raw[key] = value
  }

  const candidate = Value.Convert(schema, Value.Default(schema, raw)) as Record<string, unknown>
  const reasons = new Map<string, string>()
  for (const error of Value.Errors(schema, candidate)) {
    const variable = variableOf(error.path)
    if (!reasons.has(variable)) reasons.set(variable, checkReason(variable, candidate[variable], error))
  }
  // Decoders (TRUST_PROXY, durations) are run one by one so their failures join the list.
  for (const [variable, property] of Object.entries<TSchema>(schema.properties)) {
    if (reasons.has(variable) || !(TransformKind in property) || candidate[variable] === undefined) continue
    try {
      Value.Decode(property, candidate[variable])
    } catch (error) {
      reasons.set(variable, decodeReason(variable, error))
    }
  }
  if (reasons.size > 0) {
    throw new ConfigError([...reasons].map(([variable, reason]) => ({ variable, reason })))
  }

  try {
    return Value.Decode(schema, candidate)
  } catch (error) {
    const variable = error instanceof TransformDecodeError ? variableOf(error.path) : '(config)'
    throw new ConfigError([{ variable, reason: decodeReason(variable, error) }])
  }
}

function checkReason(variable: string, value: unknown, error: ValueError): string {
  if (value === undefined) return 'is required'
  const options = (error.schema.anyOf as TSchema[] | undefined)?.map((option) => option.const)
  const expectation =
    options && options.length > 0 && options.every((o) => typeof o === 'string')
      ? `must be one of ${options.join(', ')}`
      : error.message.toLowerCase()
  return `${expectation}${describeValue(variable, value)}`
}

function decodeReason(variable: string, error: unknown): string {
  // Our decoders may quote the input, so a secret's reason stays generic.
  if (isSecretName(variable)) return 'is invalid (value hidden)'
  const cause = error instanceof TransformDecodeError ? error.error : error
  return cause instanceof Error ? cause.message : 'is invalid'
}
