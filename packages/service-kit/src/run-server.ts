import type { FastifyInstance } from 'fastify'

export interface RunServerOptions {
  readonly host: string
  readonly port: number
  /** After a stop signal, the time in-flight requests get before the process exits anyway. */
  readonly shutdownTimeoutMs: number
  readonly signals?: readonly NodeJS.Signals[]
  /** For tests; `process.exit` by default. */
  readonly exit?: (code: number) => void
}

/**
 * Listens (and opens the metrics port of an app built by `buildService`) and stops gracefully: on SIGTERM/SIGINT the server stops accepting connections,
 * lets requests in flight finish (`app.close()`), runs the plugins' close hooks (database
 * disconnect) and exits. If that takes longer than `shutdownTimeoutMs`, it exits with code 1.
 */
export async function runServer<App extends FastifyInstance>(
  buildApp: () => Promise<App>,
  options: RunServerOptions,
): Promise<App> {
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const signals = options.signals ?? ['SIGTERM', 'SIGINT']
  // Listening for signals before the app is built: in a container Node runs as PID 1, and PID 1 ignores a signal it
  // has no handler for, so a stop during start-up (database connect included) would wait out the grace period and
  // end in SIGKILL. Nothing has been accepted yet, so there is nothing to drain: exit at once.
  const stopWhileStarting = (signal: NodeJS.Signals) => {
    process.stderr.write(`${signal} received during start-up: exiting\n`)
    exit(0)
  }
  for (const signal of signals) process.on(signal, stopWhileStarting)
  let app: App
  try {
    app = await buildApp()
  } finally {
    for (const signal of signals) process.off(signal, stopWhileStarting)
  }
  let stopping = false

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second stop signal: exiting now')
      exit(1)
      return
    }
    stopping = true
    app.log.info({ signal, timeoutMs: options.shutdownTimeoutMs }, 'stop signal received, shutting down')
    const deadline = setTimeout(() => {
      app.log.error({ timeoutMs: options.shutdownTimeoutMs }, 'shutdown timed out, exiting anyway')
      exit(1)
    }, options.shutdownTimeoutMs)
    // The deadline must not be what keeps a finished process alive.
    deadline.unref()
    app.close().then(
      () => {
        clearTimeout(deadline)
        app.log.info('server stopped')
        exit(0)
      },
      (err: unknown) => {
        clearTimeout(deadline)
        app.log.error({ err }, 'error while shutting down')
        exit(1)
      },
    )
  }

  for (const signal of signals) process.on(signal, stop)

  let metricsPort: number | undefined
  try {
    await app.listen({ host: options.host, port: options.port })
    // The metrics port opens after the service port and fails the start the same way (a port already taken).
    if (app.hasDecorator('metrics')) metricsPort = await app.metrics.listen()
  } catch (err) {
    app.log.fatal({ err }, 'server failed to start')
    await app.close().catch(() => undefined)
    exit(1)
    return app
  }
  app.log.info({ host: options.host, port: options.port, metricsPort }, 'server started')
  return app
}
