import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export const METRICS_PATH = '/metrics'

export interface MetricsServer {
  /** Resolves with the port bound (useful with port 0). */
  listen(host: string, port: number): Promise<number>
  close(): Promise<void>
}

/**
 * A plain HTTP listener for `GET /metrics`, apart from the service's own port: the reverse proxy and the Ingress
 * route only the service port, so metrics never reach the public. Anything else answers 404.
 */
export function createMetricsServer(render: () => Promise<{ contentType: string; body: string }>): MetricsServer {
  let server: Server | undefined
  const handle: Parameters<typeof createServer>[1] = (request, response) => {
    const path = request.url?.split('?', 1)[0]
    if (path !== METRICS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: metrics are at GET /metrics\n')
      return
    }
    render().then(
      ({ contentType, body }) => {
        response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' })
        response.end(request.method === 'HEAD' ? undefined : body)
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        response.end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`)
      },
    )
  }
  return {
    listen(host, port) {
      return new Promise<number>((resolve, reject) => {
        const listening = createServer(handle)
        listening.once('error', reject)
        listening.listen({ host, port }, () => {
          listening.off('error', reject)
          server = listening
          resolve((listening.address() as AddressInfo).port)
        })
      })
    },
    async close() {
      const closing = server
      server = undefined
      if (!closing) return
      await new Promise<void>((resolve) => {
        closing.close(() => resolve())
        // A scraper's keep-alive connection must not hold the shutdown open.
        closing.closeAllConnections()
      })
    },
  }
}
