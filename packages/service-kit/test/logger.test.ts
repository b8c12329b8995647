import { PassThrough } from 'node:stream'
import t from 'tap'
import { buildTestApp } from './helpers/test-app.js'

function captureLogs() {
  const stream = new PassThrough()
  const chunks: string[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')))
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => chunks.join(''),
  }
}

const BEARER = 'Bearer eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl'

t.test('secrets in headers and bodies never reach the log', async (t) => {
  const logs = captureLogs()
  const app = await buildTestApp(t, { logger: { level: 'info', stream: logs.stream } })
  const res = await app.inject({
    method: 'POST',
    url: '/v1/test/log',
    headers: { authorization: BEARER, cookie: 'sid=cookie-secret-value', 'x-request-id': 'log-test-1' },
    payload: { phone: '+966500000000', password: 'hunter2-password', code: '481516', refreshToken: 'rt-secret-value' },
  })
  t.equal(res.statusCode, 200)

  const text = logs.text()
  for (const secret of ['eyJhbGciOiJFUzI1NiJ9', 'cookie-secret-value', 'hunter2-password', '481516', 'rt-secret-value']) {
    t.notOk(text.includes(secret), `${secret} is not logged`)
  }
  const logged = logs.lines().find((line) => line.msg === 'application logged the request')
  t.ok(logged, 'the application log line was written')
  t.match(logged, {
    requestId: 'log-test-1',
    service: 'test',
    headers: { authorization: '[redacted]', cookie: '[redacted]' },
    body: { phone: '+966500000000', password: '[redacted]', code: '[redacted]', refreshToken: '[redacted]' },
  })
})

t.test('request and response log lines carry the request id, and 5xx are logged with their stack', async (t) => {
  const logs = captureLogs()
  const app = await buildTestApp(t, { logger: { level: 'info', stream: logs.stream } })
  await app.inject({ method: 'GET', url: '/v1/test/boom', headers: { authorization: BEARER, 'x-request-id': 'boom-1' } })
  const lines = logs.lines().filter((line) => line.requestId === 'boom-1')
  t.ok(lines.some((line) => line.msg === 'incoming request'))
  const failure = lines.find((line) => line.msg === 'unexpected error') as { err?: { stack?: string; message?: string } } | undefined
  t.match(failure?.err?.message, /ECONNREFUSED/, 'the cause is in the log, not the response')
  t.match(failure?.err?.stack, /test-app\.ts/)
  t.notOk(logs.text().includes('eyJhbGciOiJFUzI1NiJ9'))
})

t.test('the level comes from LOG_LEVEL unless the caller overrides it', async (t) => {
  const logs = captureLogs()
  const app = await buildTestApp(t, { env: { LOG_LEVEL: 'warn' }, logger: { stream: logs.stream } })
  await app.inject({ method: 'GET', url: '/v1/test/items' })
  await app.inject({ method: 'GET', url: '/v1/test/boom' })
  const messages = logs.lines().map((line) => line.msg)
  t.notOk(messages.includes('incoming request'), 'info lines are dropped at warn')
  t.ok(messages.includes('unexpected error'))
})

t.test('at warn, a request that logs nothing makes no child logger; one that logs gets its request id', async (t) => {
  const logs = captureLogs()
  const app = await buildTestApp(t, { logger: { level: 'warn', stream: logs.stream } })
  await app.ready()
  let children = 0
  const child = app.log.child.bind(app.log)
  app.log.child = (...args: Parameters<typeof child>) => {
    children += 1
    return child(...args)
  }
  t.teardown(() => {
    app.log.child = child
  })
  for (let i = 0; i < 5; i += 1) {
    t.equal((await app.inject({ url: '/v1/test/log', method: 'POST', payload: {} })).statusCode, 200)
  }
  t.equal(children, 0, 'no child for requests that log nothing at an enabled level')
  const probe = await app.inject({ url: '/v1/test/log-probe', headers: { 'x-request-id': 'probe-1' } })
  t.same(probe.json(), { warn: true, info: false, bindings: { service: 'test', requestId: 'probe-1' } }, 'pino\'s level check and bindings answer too')
  t.equal(children, 1, 'bindings() makes the child it describes')
  children = 0
  t.same(logs.lines(), [], 'and nothing was written')

  await app.inject({ method: 'GET', url: '/v1/test/boom', headers: { 'x-request-id': 'boom-warn-1' } })
  t.equal(children, 1, 'a child once the request logs an error')
  const failure = logs.lines().find((line) => line.msg === 'unexpected error')
  t.match(failure, { requestId: 'boom-warn-1', service: 'test', level: 50 }, 'bound to the request, as before')
})
