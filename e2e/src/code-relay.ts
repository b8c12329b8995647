import { createHmac, timingSafeEqual } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'

export interface RelayedMessage {
  readonly destination: string
  readonly code: string
  readonly purpose: string
}

/**
 * Stands in for the SMS/e-mail relay of production: the auth service (in production mode) posts every one-time code
 * here, signed. Messages with a bad signature are refused and not recorded.
 */
export interface CodeRelay {
  readonly url: string
  readonly secret: string
  readonly messages: RelayedMessage[]
  /** The newest code sent to `destination` after `after` messages had arrived (waits up to 10 s). */
  codeFor(destination: string, after?: number): Promise<string>
  close(): Promise<void>
}

export async function startCodeRelay(secret: string): Promise<CodeRelay> {
  const messages: RelayedMessage[] = []
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`)
      const given = Buffer.from(String(request.headers['x-signature'] ?? ''))
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        response.writeHead(401).end()
        return
      }
      const message = JSON.parse(body.toString('utf8')) as RelayedMessage
      messages.push({ destination: message.destination, code: message.code, purpose: message.purpose })
      response.writeHead(204).end()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('relay has no port')

  return {
    url: `http://127.0.0.1:${address.port}/send`,
    secret,
    messages,
    async codeFor(destination, after = 0) {
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline) {
        const found = messages.slice(after).findLast((m) => m.destination === destination)
        if (found) return found.code
        await sleep(50)
      }
      throw new Error(`no code reached the relay for ${destination}`)
    },
    async close() {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
