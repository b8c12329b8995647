import type { ConsultantId, SessionId } from '../ids.js'

export type TokenRole = 'customer' | 'consultant'

/** The claims of an access token (RFC 7519 names; `sid` for the refresh session it belongs to). */
export interface AccessTokenClaims {
  readonly iss: string
  /** The customer id as a string, as JWT requires. */
  readonly sub: string
  readonly aud: string | readonly string[]
  readonly role: TokenRole
  /** Present only for consultants. */
  readonly consultant_id?: number
  readonly sid: string
  readonly jti: string
  /** Seconds since the epoch. */
  readonly iat: number
  readonly exp: number
}

interface TokenPayloadBase {
  /** The signed-in customer account (a consultant signs in with theirs). */
  readonly user: { readonly customerId: number }
  readonly sessionId: SessionId
  readonly audience: string | readonly string[]
  readonly issuer: string
  readonly now: Date
  readonly ttlSeconds: number
  readonly jti: string
}

export type TokenPayloadInput = TokenPayloadBase &
  (
    | { readonly consultantId?: undefined; readonly notAfter?: undefined }
    | {
        readonly consultantId: ConsultantId
        /** When eligibility ends (`checkConsultantEligibility(...).notAfter`); caps `exp`. */
        readonly notAfter?: Date | undefined
      }
  )

/**
 * Builds the claims of an access token. For a consultant, `exp` is capped at `notAfter`, so a token never outlives
 * the contract or license it was issued under. Throws RangeError for a non-positive TTL or when `notAfter` leaves
 * no valid second: eligibility should have been checked first.
 */
export function createTokenPayload(input: TokenPayloadInput): AccessTokenClaims {
  if (!Number.isSafeInteger(input.ttlSeconds) || input.ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive integer, got ${input.ttlSeconds}`)
  }
  const iat = toEpochSeconds(input.now, 'now')
  let exp = iat + input.ttlSeconds
  if (input.notAfter !== undefined) exp = Math.min(exp, toEpochSeconds(input.notAfter, 'notAfter'))
  if (exp <= iat) throw new RangeError('notAfter is not after now: the consultant is no longer eligible')

  return {
    iss: input.issuer,
    sub: String(input.user.customerId),
    aud: input.audience,
    role: input.consultantId === undefined ? 'customer' : 'consultant',
    ...(input.consultantId === undefined ? {} : { consultant_id: input.consultantId }),
    sid: input.sessionId,
    jti: input.jti,
    iat,
    exp,
  }
}

function toEpochSeconds(date: Date, name: string): number {
  const milliseconds = date.getTime()
  if (Number.isNaN(milliseconds)) throw new RangeError(`${name} is an invalid Date`)
  return Math.floor(milliseconds / 1000)
}
