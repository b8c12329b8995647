import {
  checkConsultantEligibility,
  type ConsultantEligibilityErrorCode,
  eligibilityErrorCode,
  type IneligibilityReason,
} from '@cp/domain'
import { AppError } from '@cp/service-kit'
import type { AccountsRepository } from '../repositories/accounts-repository.js'

export interface Eligible {
  readonly consultantId: number
  /**
   * Caps the access token's `exp`: the end of the contract's or license's last valid day, minus the verifiers' clock
   * tolerance.
   */
  readonly notAfter: Date
}

export type EligibilityCheck = (customerId: number, now: Date) => Promise<Eligible>

export class IneligibleError extends AppError<ConsultantEligibilityErrorCode> {
  readonly reason: IneligibilityReason
  constructor(reason: IneligibilityReason) {
    super(eligibilityErrorCode(reason))
    this.reason = reason
  }
}

/**
 * Reads the consultant's rows and applies the domain rule; throws the reason's own 403 problem when ineligible.
 *
 * Verifiers accept a token up to their clock tolerance past its `exp`, so the cap returned (`notAfter`) is the end of
 * eligibility minus `clockToleranceSeconds`: no verifier accepts a consultant's token once the contract or license is
 * over. Within that last stretch before the end, no token could be issued at all, so eligibility is judged at its end
 * instead: the consultant is refused with the reason it ends (or goes on under the next contract or license).
 */
export function createEligibilityCheck(accounts: AccountsRepository, timeZone: string, clockToleranceSeconds: number): EligibilityCheck {
  const toleranceMs = clockToleranceSeconds * 1000
  return async (customerId, now) => {
    const facts = await accounts.eligibilityFacts(customerId)
    let result = checkConsultantEligibility(facts, now, timeZone)
    if (result.eligible && result.notAfter.getTime() - toleranceMs <= now.getTime()) {
      result = checkConsultantEligibility(facts, result.notAfter, timeZone)
    }
    if (!result.eligible) throw new IneligibleError(result.reason)
    // The rule only passes with a consultants row, so the id is there.
    if (facts.consultantId === null) throw new IneligibleError('CONSULTANT_MISSING')
    return { consultantId: facts.consultantId, notAfter: new Date(result.notAfter.getTime() - toleranceMs) }
  }
}
