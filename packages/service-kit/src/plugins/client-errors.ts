import type { Socket } from 'node:net'
import { randomUUID } from 'node:crypto'
import { commonError } from '../errors/app-error.js'
import type { ErrorRegistry } from '../errors/error-registry.js'
import { renderProblem } from '../errors/problem.js'
import { PROBLEM_CONTENT_TYPE } from '../schemas/problem.js'

type ClientError = Error & { code?: string }

/**
 * Answers requests that Node's HTTP parser refuses before Fastify sees them (headers over the 16 KB limit,
 * malformed request lines) with problem+json like every other error, instead of Fastify's plain JSON.
 * Nothing of the request was parsed, so the answer is in English and carries a fresh request id.
 */
export function createClientErrorHandler(registry: ErrorRegistry, problemTypeBase: string) {
  return function clientErrorHandler(error: ClientError, socket: Socket): void {
    if (!socket.writable) return
    const code = error.code === 'HPE_HEADER_OVERFLOW' ? 'COMMON_HEADERS_TOO_LARGE' : 'COMMON_BAD_REQUEST'
    const definition = registry.get(code)
    if (!definition) {
      socket.destroy(error)
      return
    }
    const { instance: _unknownPath, ...problem } = renderProblem(commonError(code), definition, {
      locale: 'en',
      requestId: randomUUID(),
      instance: '',
      typeBase: problemTypeBase,
    })
    const body = JSON.stringify(problem)
    socket.end(
      `HTTP/1.1 ${definition.status} ${definition.title.en}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    )
  }
}
