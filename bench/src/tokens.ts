import { consultantClaims, generateTestKey, signToken } from '@cp/service-kit/testing'

// Access tokens made the way the auth service signs them, with the test helpers of service-kit, for a key only this
// run knows.

/** The issuer the services under test are told to trust (AUTH_ISSUER); never a real one. */
export const BENCH_ISSUER = 'https://bench.invalid/v1/auth'

const key = generateTestKey()

/** AUTH_PUBLIC_KEY_PEM of the services under test. */
export const BENCH_PUBLIC_KEY_PEM = key.publicKeyPem

/** A consultant's access token, valid for an hour from now. */
export function consultantToken(ids: { customerId: number; consultantId: number }): string {
  const exp = Math.floor(Date.now() / 1000) + 3600
  const claims = consultantClaims({ iss: BENCH_ISSUER, sub: String(ids.customerId), consultant_id: ids.consultantId, exp })
  return signToken(key, claims)
}
