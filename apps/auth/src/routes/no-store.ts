import type { FastifyReply, FastifyRequest } from 'fastify'

/** An `onSend` hook for answers that carry tokens or codes: a cache must never store them (RFC 6749 §5.1). */
export async function noStore(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store')
}
