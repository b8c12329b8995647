import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { collectDefaultMetrics, Registry } from 'prom-client'
import { createDbMetrics, type DbMetricsSink } from '../metrics/db-metrics.js'
import { installHttpMetrics } from '../metrics/http-metrics.js'
import { createMetricsServer } from '../metrics/metrics-server.js'

export interface MetricsPluginOptions {
  /** The `service` label on every series. */
  readonly service: string
  /** Where `listen()` serves `GET /metrics` (METRICS_PORT; 0 picks a free port). */
  readonly host: string
  readonly port: number
}

export interface ServiceMetrics {
  /** This app's own series (HTTP and database); Node process series live in one registry per process. */
  readonly registry: Registry
  /** Hand to `dbPlugin` (`@cp/db`) as `metrics`: pool counts, query durations, replica fallbacks. */
  readonly db: DbMetricsSink
  /** The Prometheus text exposition of the process and this app. */
  render(): Promise<{ contentType: string; body: string }>
  /** Opens the metrics port (runServer does, after the service port); resolves with the port bound. */
  listen(): Promise<number>
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ServiceMetrics
  }
}

// Process series (CPU, memory, event loop, GC) describe the process, not an app, and collecting them starts
// observers that are never stopped: one registry per process, however many apps a test builds.
let processRegistry: Registry | undefined

function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

async function metricsPlugin(app: FastifyInstance, options: MetricsPluginOptions): Promise<void> {
  const registry = new Registry()
  const labels = { service: options.service }
  registry.setDefaultLabels(labels)
  const processes = processMetrics()
  installHttpMetrics(app, registry)
  const db = createDbMetrics(registry)

  const render = async () => {
    // A process runs one service; the label is set again here so a test process with several apps stays honest.
    processes.setDefaultLabels(labels)
    const [processText, appText] = await Promise.all([processes.metrics(), registry.metrics()])
    return { contentType: registry.contentType, body: `${processText}\n${appText}` }
  }
  const server = createMetricsServer(render)
  app.decorate('metrics', {
    registry,
    db,
    render,
    listen: () => server.listen(options.host, options.port),
  })
  app.addHook('onClose', async () => {
    await server.close()
  })
}

/** Installs the HTTP metrics hooks and decorates `app.metrics`; register it before any other hook or route. */
export default fp(metricsPlugin, { name: '@cp/service-kit/metrics', fastify: '5.x' })
