import type { DestinationStream, LevelWithSilent, LoggerOptions } from 'pino'

export const REDACT_CENSOR = '[redacted]'

const SECRET_HEADERS = ['authorization', 'cookie', '"set-cookie"', '"x-api-key"', '"proxy-authorization"']
// Secrets that may sit anywhere in a logged object.
const SECRET_FIELDS = ['password', 'newPassword', 'currentPassword', 'refreshToken', 'accessToken', 'token', 'otp']
// `code` is only secret inside a request body (an OTP); elsewhere it is an error code we want to see.
const SECRET_BODY_FIELDS = [...SECRET_FIELDS, 'code']

const bracket = (name: string) => (name.startsWith('"') ? `[${name}]` : `.${name}`)

const REDACT_PATHS = [
  ...SECRET_HEADERS.flatMap((h) => [`req.headers${bracket(h)}`, `res.headers${bracket(h)}`, `headers${bracket(h)}`, `*.headers${bracket(h)}`]),
  ...SECRET_BODY_FIELDS.flatMap((f) => [`body.${f}`, `*.body.${f}`]),
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]),
]

export interface ServiceLoggerOptions {
  readonly level?: LevelWithSilent
  /** Where log lines go; stdout when omitted (tests pass a stream to read them back). */
  readonly stream?: DestinationStream
}

/** Pino options for Fastify's `logger`: our redaction list, whatever level or destination is chosen. */
export function buildLoggerOptions(options: ServiceLoggerOptions, serviceName: string): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: options.level ?? 'info',
    base: { service: serviceName },
    redact: { paths: REDACT_PATHS, censor: REDACT_CENSOR },
    ...(options.stream ? { stream: options.stream } : {}),
  }
}
