export { bookableByProbe, bookableBySet } from './bookable-sql.js'
export {
  contractsOf,
  type ConsultantEligibilityFacts,
  type EligibilityReader,
  type EligibilitySubject,
  latestOrderOf,
  licensesOf,
  readEligibilityFacts,
} from './facts.js'
export { LATEST_ORDER_FIRST, LATEST_ORDER_KEY } from './latest-order.js'
