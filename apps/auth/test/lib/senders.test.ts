import t, { type Test } from 'tap'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createLogSender,
  createMemorySender,
  createWebhookSender,
  DeliveryError,
  type CodeMessage,
} from '../../src/lib/senders.js'

const secret = 's'.repeat(32)
const message: CodeMessage = {
  channel: 'sms',
  destination: '+966501234567',
  code: '042137',
  locale: 'ar',
  purpose: 'customer-sign-in',
}

interface Received {
  headers: IncomingMessage['headers']
  method: string | undefined
  body: string
}

/** A real HTTP server on a free port; `respond` decides what each request gets. */
async function startReceiver(t: Test, respond: (req: IncomingMessage, res: ServerResponse) => void) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, method: req.method, body: Buffer.concat(chunks).toString('utf8') })
      respond(req, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/send`, received }
}

t.test('the webhook receives a signed JSON body it can verify', async (t) => {
  const receiver = await startReceiver(t, (_req, res) => res.writeHead(202).end('accepted'))
  const sender = createWebhookSender({ url: receiver.url, secret, timeoutMs: 5000 })
  await sender.send(message)
  await sender.send({ ...message, code: '999999' })
  t.equal(receiver.received.length, 2)
  const [first, second] = receiver.received as [Received, Received]
  t.equal(first.method, 'POST')
  t.equal(first.headers['content-type'], 'application/json')
  const body = JSON.parse(first.body) as Record<string, unknown>
  t.match(body, { ...message, timestamp: Number })
  t.match(body.id, /^[0-9a-f-]{36}$/)
  t.equal(first.headers['x-timestamp'], String(body.timestamp), 'the timestamp header matches the signed body')
  t.ok(Math.abs((body.timestamp as number) - Date.now() / 1000) < 60)

  // The receiver's side, written independently: HMAC-SHA256 of the raw body with the shared secret.
  const header = String(first.headers['x-signature'])
  t.match(header, /^sha256=[0-9a-f]{64}$/)
  const expected = createHmac('sha256', secret).update(first.body).digest()
  t.ok(timingSafeEqual(Buffer.from(header.slice('sha256='.length), 'hex'), expected), 'signature verifies')
  t.not(JSON.parse(second.body).id, body.id, 'each message has its own id')
  t.not(second.headers['x-signature'], header)
})

t.test('a non-2xx answer is a delivery error that names neither code nor destination', async (t) => {
  for (const status of [500, 400, 302]) {
    const receiver = await startReceiver(t, (_req, res) =>
      res.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:1/elsewhere' } : {}).end(`echo ${message.code}`),
    )
    const sender = createWebhookSender({ url: receiver.url, secret, timeoutMs: 5000 })
    const error = await sender.send(message).then(
      () => undefined,
      (e: unknown) => e,
    )
    t.type(error, DeliveryError, `HTTP ${status}`)
    t.match(error, { reason: 'status', status })
    t.notOk(String((error as Error).message).includes(message.code))
    t.notOk(String((error as Error).message).includes(message.destination))
    t.equal(receiver.received.length, 1, 'no redirect was followed')
  }
})

t.test('a receiver that does not answer in time is a timeout', async (t) => {
  const receiver = await startReceiver(t, () => {
    // Never answers; the teardown closes the connection.
  })
  const sender = createWebhookSender({ url: receiver.url, secret, timeoutMs: 200 })
  await t.rejects(sender.send(message), { name: 'DeliveryError', reason: 'timeout' })
})

t.test('an unreachable receiver is a network error', async (t) => {
  // A port that was free a moment ago: nothing listens there.
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const freePort = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
  const sender = createWebhookSender({ url: `http://127.0.0.1:${freePort}/send`, secret, timeoutMs: 5000 })
  const error = await sender.send(message).catch((e: unknown) => e)
  t.match(error, { name: 'DeliveryError', reason: 'network' })
  t.notOk(String((error as Error).message).includes(message.code))
})

t.test('webhook configuration is checked when the sender is made', async (t) => {
  t.throws(() => createWebhookSender({ url: 'not a url', secret, timeoutMs: 1000 }), TypeError)
  t.throws(() => createWebhookSender({ url: 'ftp://relay.example/send', secret, timeoutMs: 1000 }), TypeError)
  t.throws(() => createWebhookSender({ url: 'https://relay.example/send', secret: 'short', timeoutMs: 1000 }), RangeError)
  t.throws(() => createWebhookSender({ url: 'https://relay.example/send', secret, timeoutMs: 0 }), RangeError)
  t.doesNotThrow(() => createWebhookSender({ url: 'https://relay.example/send', secret, timeoutMs: 1000 }))
})

t.test('the development sender logs the destination and the code on a clearly marked line', async (t) => {
  const lines: { details: object; message: string }[] = []
  const sender = createLogSender({ info: (details, text) => lines.push({ details, message: text }) })
  await sender.send(message)
  t.equal(lines.length, 1)
  t.match(lines[0], {
    details: { devCodeSender: true, destination: message.destination, code: message.code, channel: 'sms' },
    message: /DEVELOPMENT CODE SENDER/,
  })
})

t.test('the memory sender lets tests read what was sent', async (t) => {
  const sender = createMemorySender()
  t.equal(sender.lastCodeFor(message.destination), undefined)
  await sender.send(message)
  await sender.send({ ...message, destination: 'a@example.com', channel: 'email', code: '111111' })
  await sender.send({ ...message, code: '222222' })
  t.equal(sender.lastCodeFor(message.destination), '222222')
  t.equal(sender.lastCodeFor('a@example.com'), '111111')
  t.same(
    sender.sent.map((m) => m.code),
    ['042137', '111111', '222222'],
  )
  sender.failWith(new Error('provider down'))
  await t.rejects(sender.send(message), { message: 'provider down' })
  t.equal(sender.sent.length, 3, 'a failed send is not recorded')
  sender.failWith(undefined)
  await sender.send(message)
  sender.clear()
  t.same(sender.sent, [])
})
