import { createHmac, randomUUID } from 'node:crypto'
import type { Locale } from '@cp/domain'

export type CodeChannel = 'sms' | 'email'

export interface CodeMessage {
  channel: CodeChannel
  /** Normalised destination: E.164 phone for SMS, lower-cased address for e-mail. */
  destination: string
  code: string
  locale: Locale
  purpose: string
}

/** Delivers one-time codes; sign-in logic depends on this interface only. */
export interface CodeSender {
  send(message: CodeMessage): Promise<void>
}

/** The part of a pino logger the development sender needs. */
export interface InfoLogger {
  info(details: object, message: string): void
}

/** Development only: writes the code to the log on purpose, so that sign-in works without a provider. */
export function createLogSender(logger: InfoLogger): CodeSender {
  return {
    async send({ channel, destination, code, purpose }) {
      logger.info(
        { devCodeSender: true, channel, destination, purpose, code },
        'DEVELOPMENT CODE SENDER: one-time code written to the log on purpose; never use this sender in production',
      )
    },
  }
}

export interface MemorySender extends CodeSender {
  /** Every message accepted, oldest first. */
  readonly sent: readonly CodeMessage[]
  lastCodeFor(destination: string): string | undefined
  /** Makes every following send reject with this error (or succeed again with `undefined`). */
  failWith(error: Error | undefined): void
  clear(): void
}

/** For tests: keeps messages in memory so a test can read the code a user would have received. */
export function createMemorySender(): MemorySender {
  const sent: CodeMessage[] = []
  let failure: Error | undefined
  return {
    sent,
    async send(message) {
      if (failure) throw failure
      sent.push({ ...message })
    },
    lastCodeFor(destination) {
      return sent.findLast((message) => message.destination === destination)?.code
    },
    failWith(error) {
      failure = error
    },
    clear() {
      sent.length = 0
    },
  }
}

export type DeliveryFailure = 'timeout' | 'status' | 'network'

/** Delivery failed; the message never contains the code or the destination. */
export class DeliveryError extends Error {
  readonly reason: DeliveryFailure
  readonly status: number | undefined

  constructor(reason: DeliveryFailure, message: string, options?: ErrorOptions & { status?: number }) {
    super(message, options)
    this.name = 'DeliveryError'
    this.reason = reason
    this.status = options?.status
  }
}

export interface WebhookSenderOptions {
  url: string
  /** Shared with the receiver, which checks `x-signature` against the raw body. */
  secret: string
  timeoutMs: number
  /** Replaceable for tests of the callers; defaults to the global fetch. */
  fetch?: typeof fetch
}

export const MIN_WEBHOOK_SECRET_BYTES = 32

/** `sha256=<hex>` of HMAC-SHA256 over the exact body bytes, the value of the `x-signature` header. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/**
 * Posts each message as JSON to an SMS/e-mail provider relay. The body carries a unix `timestamp` (also sent as
 * `x-timestamp`) and a unique `id`; both are covered by the signature, so the receiver can refuse stale or replayed
 * requests. This sender logs nothing, and its errors name neither the code nor the destination.
 */
export function createWebhookSender(options: WebhookSenderOptions): CodeSender {
  const url = new URL(options.url)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('The webhook URL must be http(s)')
  if (Buffer.byteLength(options.secret) < MIN_WEBHOOK_SECRET_BYTES) {
    throw new RangeError(`The webhook secret must be at least ${MIN_WEBHOOK_SECRET_BYTES} bytes`)
  }
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError('The webhook timeout must be a positive number of milliseconds')
  }
  const doFetch = options.fetch ?? fetch

  return {
    async send({ channel, destination, code, locale, purpose }) {
      const timestamp = Math.floor(Date.now() / 1000)
      const body = JSON.stringify({ id: randomUUID(), timestamp, channel, destination, code, locale, purpose })
      let response: Response
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-timestamp': String(timestamp),
            'x-signature': signWebhookBody(options.secret, body),
          },
          body,
          // A redirect would resend the code to wherever the relay points; treat it as a failure instead.
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
        })
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') {
          throw new DeliveryError('timeout', `Code delivery timed out after ${options.timeoutMs} ms`)
        }
        throw new DeliveryError('network', 'Code delivery request failed', { cause: error })
      }
      // The body is not needed; cancelling it frees the connection.
      await response.body?.cancel().catch(() => undefined)
      if (response.status < 200 || response.status > 299) {
        throw new DeliveryError('status', `Code delivery answered HTTP ${response.status}`, { status: response.status })
      }
    },
  }
}
