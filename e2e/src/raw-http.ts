import { request } from 'node:http'

export interface RawResponse {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly text: string
  json<T = Record<string, unknown>>(): T
}

export interface RawRequest {
  readonly method?: string
  readonly headers?: Record<string, string>
  readonly body?: unknown
  /** The client's own address (any 127.x.y.z): how a test plays different clients on one machine. */
  readonly localAddress?: string
}

/**
 * One HTTP request with nothing added: for what typed clients hide (the client's source address, headers a
 * client may spoof, routes outside the documents such as /health).
 */
export function rawRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  // The path is sent exactly as written (`new URL` would resolve `..` and decode nothing the server should see).
  const { origin, hostname, port } = new URL(url)
  const path = url.slice(origin.length) || '/'
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: options.method ?? 'GET',
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        agent: false,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          })
        })
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 30 s`)))
    req.on('error', reject)
    req.end(body)
  })
}
