import type { FastifyBaseLogger } from 'fastify'
import type { Bindings, ChildLoggerOptions, DestinationStream, LevelWithSilent, LoggerOptions } from 'pino'

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

type LevelName = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'
type LogCall = (...args: unknown[]) => void
type LevelAware = FastifyBaseLogger & { isLevelEnabled(level: string): boolean }

/**
 * The logger of one request, made into pino's child (with the request's id bound) only when the request first logs
 * at an enabled level. Fastify makes a child for every request, and pino serializes a child's bindings through our
 * redaction, which was 4.5% of the CPU of a cached profile answered at `LOG_LEVEL=warn`, where most requests log
 * nothing at all.
 */
class RequestLogger implements FastifyBaseLogger {
  #child: FastifyBaseLogger | undefined
  readonly #childBindings: Bindings

  constructor(
    private readonly parent: LevelAware,
    childBindings: Bindings,
  ) {
    this.#childBindings = childBindings
  }

  get #logger(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.#childBindings)
    return this.#child
  }

  #log(level: LevelName, args: unknown[]): void {
    if (this.#child === undefined && !this.parent.isLevelEnabled(level)) return
    const logger = this.#logger
    ;(logger[level] as LogCall).apply(logger, args)
  }

  get level(): string {
    return this.#child?.level ?? this.parent.level
  }

  set level(level: string) {
    this.#logger.level = level
  }

  fatal(...args: unknown[]): void {
    this.#log('fatal', args)
  }

  error(...args: unknown[]): void {
    this.#log('error', args)
  }

  warn(...args: unknown[]): void {
    this.#log('warn', args)
  }

  info(...args: unknown[]): void {
    this.#log('info', args)
  }

  debug(...args: unknown[]): void {
    this.#log('debug', args)
  }

  trace(...args: unknown[]): void {
    this.#log('trace', args)
  }

  silent(): void {}

  isLevelEnabled(level: string): boolean {
    return (this.#child as LevelAware | undefined)?.isLevelEnabled(level) ?? this.parent.isLevelEnabled(level)
  }

  /** pino's bindings of the child (the request id among them). */
  bindings(): Bindings {
    return (this.#logger as FastifyBaseLogger & { bindings(): Bindings }).bindings()
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#logger.child(bindings, options)
  }
}

/**
 * Fastify's `childLoggerFactory`: a {@link RequestLogger} for every request, or pino's own child when the route asks
 * for a level or serializers of its own (or the logger cannot say which levels are enabled).
 */
export function requestLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  const parent = logger as Partial<LevelAware> & FastifyBaseLogger
  if (Object.keys(options).length > 0 || typeof parent.isLevelEnabled !== 'function') return logger.child(bindings, options)
  return new RequestLogger(parent as LevelAware, bindings)
}
