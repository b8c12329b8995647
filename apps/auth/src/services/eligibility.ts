import { checkConsultantEligibility, eligibilityErrorCode, type IneligibilityReason } from '@cp/domain'
import { AppError } from '@cp/service-kit'
import type { AccountsRepository } from '../repositories/accounts-repository.js'

export interface Eligible {
  readonly consultantId: number
  /** Caps the access token's `exp`: the end of the contract's or license's last valid day. */
  readonly notAfter: Date
}

export type EligibilityCheck = (customerId: number, now: Date) => Promise<Eligible>

export class IneligibleError extends AppError {
  readonly reason: IneligibilityReason
  constructor(reason: IneligibilityReason) {
    super(eligibilityErrorCode(reason))
    this.reason = reason
  }
}

/** Reads the consultant's rows and applies the domain rule; throws the reason's own 403 problem when ineligible. */
export function createEligibilityCheck(accounts: AccountsRepository, timeZone: string): EligibilityCheck {
  return async (customerId, now) => {
    const facts = await accounts.eligibilityFacts(customerId)
    const result = checkConsultantEligibility(facts, now, timeZone)
    if (!result.eligible) throw new IneligibleError(result.reason)
    // The rule only passes with a consultants row, so the id is there.
    if (facts.consultantId === null) throw new IneligibleError('CONSULTANT_MISSING')
    return { consultantId: facts.consultantId, notAfter: result.notAfter }
  }
}
