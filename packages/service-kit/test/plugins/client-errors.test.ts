import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildTestApp } from '../helpers/test-app.js'

/** Sends raw bytes on a real socket and returns everything the server wrote before closing. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
    socket.write(request)
  })
}

t.test('headers beyond the HTTP parser limit get a 431 problem+json on a real socket', async (t) => {
  const app = await buildTestApp(t)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  const answer = await rawRequest(
    port,
    `GET /v1/test/items/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(100 * 1024)}\r\n\r\n`,
  )
  const [head = '', body = ''] = answer.split('\r\n\r\n')
  t.match(head, /^HTTP\/1\.1 431 /)
  t.match(head, /content-type: application\/problem\+json/i)
  const problem = JSON.parse(body)
  t.match(problem, { status: 431, code: 'COMMON_HEADERS_TOO_LARGE', title: 'The request headers are too large' })
  t.match(problem.requestId, /^[0-9a-f-]{36}$/)
  t.notOk('instance' in problem, 'no path: nothing of the request was parsed')

  const garbage = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n')
  t.match(garbage, /^HTTP\/1\.1 400 /)
  t.match(JSON.parse(garbage.split('\r\n\r\n')[1] ?? ''), { status: 400, code: 'COMMON_BAD_REQUEST' })

  const healthy = await fetch(`http://127.0.0.1:${port}/health/live`)
  t.equal(healthy.status, 200, 'the server keeps serving')
})
