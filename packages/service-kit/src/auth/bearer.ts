/** Larger Authorization headers are refused before they are parsed; our tokens are well under 1 KB. */
export const MAX_AUTHORIZATION_HEADER_LENGTH = 8 * 1024

export type BearerCredentials =
  /** No credentials for us: no header, or another scheme (RFC 6750 §3.1: the challenge then carries no error). */
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly reason: 'too_large' | 'malformed' }
  | { readonly kind: 'bearer'; readonly token: string }

// RFC 6750 §2.1: `Bearer` (any case), one or more spaces, a b64token.
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i
const SCHEME = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?: |$)/

/** Reads the Authorization header as RFC 6750 bearer credentials. */
export function readBearerCredentials(header: string | string[] | undefined): BearerCredentials {
  if (header === undefined || header === '') return { kind: 'missing' }
  // Node keeps only the first Authorization header; several values can only come from a crafted request.
  if (typeof header !== 'string') return { kind: 'invalid', reason: 'malformed' }
  if (header.length > MAX_AUTHORIZATION_HEADER_LENGTH) return { kind: 'invalid', reason: 'too_large' }
  const match = BEARER.exec(header)
  if (match?.[1] !== undefined) return { kind: 'bearer', token: match[1] }
  const scheme = SCHEME.exec(header)?.[1]
  if (scheme !== undefined && scheme.toLowerCase() !== 'bearer') return { kind: 'missing' }
  return { kind: 'invalid', reason: 'malformed' }
}
