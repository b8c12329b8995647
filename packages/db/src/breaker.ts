import { type Connection, type ConnectionConfig, createConnection } from 'mariadb'
import type { DbLogger } from './logger.js'

/**
 * An error shaped like the driver's own (errno, sqlState, sqlMessage), so the Prisma adapter passes its code
 * through and `isDatabaseUnavailable` answers 503 for it like for any other outage.
 */
export class DatabaseUnavailableError extends Error {
  readonly errno: number
  readonly sqlState = '08S01'
  readonly sqlMessage: string
  constructor(errno: number, message: string) {
    super(message)
    this.name = 'DatabaseUnavailableError'
    this.errno = errno
    this.sqlMessage = message
  }
}

/** The driver's codes for "no connection in time" and "socket timeout", reused for the breaker and watchdog. */
export const BREAKER_OPEN_ERRNO = 45028
export const WATCHDOG_ERRNO = 45026

type OpenListener = (error: DatabaseUnavailableError) => void

/**
 * Whether the database is known to be down. Only the probe opens and closes it, from a dedicated connection, so
 * a slow query or a starved pool never opens it. While it is open, queries fail at once instead of waiting for
 * the pool's acquire timeout, and queries already waiting are failed when it opens.
 */
export class DbBreaker {
  #reason: string | undefined
  readonly #listeners = new Set<OpenListener>()

  get isOpen(): boolean {
    return this.#reason !== undefined
  }

  /** The error a query gets while the breaker is open. */
  error(): DatabaseUnavailableError {
    return new DatabaseUnavailableError(BREAKER_OPEN_ERRNO, `database unavailable (breaker open: ${this.#reason ?? 'closed'})`)
  }

  /** Returns true when this call opened it. */
  open(reason: string): boolean {
    if (this.#reason !== undefined) return false
    this.#reason = reason
    const error = this.error()
    for (const listener of [...this.#listeners]) listener(error)
    return true
  }

  /** Returns true when this call closed it. */
  close(): boolean {
    if (this.#reason === undefined) return false
    this.#reason = undefined
    return true
  }

  /**
   * Settles with `work`, or rejects as soon as the breaker opens; then `abandon` receives what `work` still
   * yields (a connection to release, say), so nothing leaks.
   */
  race<T>(work: Promise<T>, abandon: (late: T) => void): Promise<T> {
    if (this.isOpen) {
      work.then(abandon, () => {})
      return Promise.reject(this.error())
    }
    return new Promise<T>((resolve, reject) => {
      let abandoned = false
      const onOpen: OpenListener = (error) => {
        abandoned = true
        reject(error)
      }
      this.#listeners.add(onOpen)
      work.then(
        (value) => {
          this.#listeners.delete(onOpen)
          if (abandoned) abandon(value)
          else resolve(value)
        },
        (error: unknown) => {
          this.#listeners.delete(onOpen)
          reject(error)
        },
      )
    })
  }

  onOpen(listener: OpenListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}

export interface ProbeOptions {
  intervalMs: number
  timeoutMs: number
  /**
   * What each probe asks on its connection instead of a ping: an Error returned means the server answers but must
   * not be used (the breaker opens, the connection is kept); a throw counts as the server being down.
   */
  check?: (conn: Connection) => Promise<Error | undefined>
  /** Told every probe's outcome: undefined when the server passed, else why it did not. */
  onOutcome?: (failure: unknown) => void
}

/**
 * Pings the server every `intervalMs` over its own connection (reconnecting while the server is down) and opens
 * the breaker on the first failure: a refused or lost connection at once, a frozen peer after `timeoutMs`. The
 * first successful ping closes it again, so recovery needs no restart. Its timers do not keep the process alive.
 */
export class DbProbe {
  #conn: Connection | undefined
  #timer: NodeJS.Timeout | undefined
  #stopped = false
  #running = false

  constructor(
    private readonly connection: ConnectionConfig,
    private readonly options: ProbeOptions,
    private readonly breaker: DbBreaker,
    private readonly logger: DbLogger,
    private readonly where: object,
  ) {}

  start(): void {
    if (this.#running) return
    this.#running = true
    this.#stopped = false
    this.#schedule(0)
  }

  async stop(): Promise<void> {
    this.#running = false
    this.#stopped = true
    clearTimeout(this.#timer)
    const conn = this.#conn
    this.#conn = undefined
    conn?.destroy()
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return
    this.#timer = setTimeout(() => void this.#tick(), delayMs)
    this.#timer.unref()
  }

  async #tick(): Promise<void> {
    const started = performance.now()
    try {
      const unusable = await withDeadline(this.#ping(), this.options.timeoutMs)
      if (unusable) {
        this.#fail(unusable)
      } else if (!this.#stopped) {
        this.options.onOutcome?.(undefined)
        if (this.breaker.close()) this.logger.info({ db: this.where }, 'database answers again; breaker closed')
      }
    } catch (error) {
      this.#drop()
      this.#fail(error)
    }
    this.#schedule(Math.max(0, this.options.intervalMs - (performance.now() - started)))
  }

  async #ping(): Promise<Error | undefined> {
    if (!this.#conn) {
      const conn = await createConnection({ ...this.connection, connectTimeout: this.options.timeoutMs })
      if (this.#stopped) {
        conn.destroy()
        return undefined
      }
      // A lost connection (server stopped, relay cut) is known at once, not at the next ping.
      conn.on('error', (error: Error) => {
        if (this.#conn !== conn) return
        this.#drop()
        this.#fail(error)
      })
      this.#conn = conn
    }
    if (this.options.check) return this.options.check(this.#conn)
    await this.#conn.ping()
    return undefined
  }

  #drop(): void {
    const conn = this.#conn
    this.#conn = undefined
    conn?.destroy()
  }

  #fail(error: unknown): void {
    if (this.#stopped) return
    this.options.onOutcome?.(error)
    const reason = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error)
    if (this.breaker.open(reason)) this.logger.error({ db: this.where, reason }, 'database does not answer; breaker open')
  }
}

/**
 * Rejects when `work` has not settled after `ms`. When the timer fires, the decision waits one turn of the event
 * loop (setImmediate runs after pending I/O), so an answer that arrived while the process was busy still counts:
 * a stalled event loop must not look like a stalled database.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const timer = setTimeout(
      () =>
        setImmediate(() => {
          if (settled) return
          settled = true
          reject(new Error(`no answer within ${ms} ms`))
        }),
      ms,
    )
    work.then(
      (value) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
