import { createPublicKey } from 'node:crypto'
import { createVerifier } from 'fast-jwt'
import type { ServiceApp } from '@cp/service-kit'

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = '', payload = ''] = token.split('.')
  const part = (text: string) => JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>
  return { header: part(header), payload: part(payload) }
}

/** Verifies an access token the way another service would: with the key published in the JWKS, ES256 pinned. */
export async function verifyWithJwks(app: ServiceApp, token: string, audience: string, issuer: string) {
  const { keys } = (await app.inject({ url: '/v1/auth/.well-known/jwks.json' })).json() as { keys: Array<{ kid: string }> }
  const kid = decodeJwt(token).header.kid
  const jwk = keys.find((key) => key.kid === kid)
  if (!jwk) throw new Error(`kid ${String(kid)} is not in the JWKS`)
  const key = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString()
  const verify = createVerifier({ key, algorithms: ['ES256'], allowedAud: audience, allowedIss: issuer, checkTyp: 'at+jwt' })
  return verify(token) as Record<string, unknown>
}
