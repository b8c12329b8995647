import { consultantClaims, customerClaims, generateTestKey, signToken } from '@cp/service-kit/testing'

/** The key every test app trusts. */
export const TEST_KEY = generateTestKey()

export function consultantToken(ids: { customerId: number; consultantId: number }, overrides: Record<string, unknown> = {}) {
  const claims = consultantClaims({ sub: String(ids.customerId), consultant_id: ids.consultantId, ...overrides })
  return signToken(TEST_KEY, claims)
}

export function customerToken(customerId: number, overrides: Record<string, unknown> = {}) {
  return signToken(TEST_KEY, customerClaims({ sub: String(customerId), ...overrides }))
}
