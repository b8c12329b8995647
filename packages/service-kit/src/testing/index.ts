// Helpers for tests of services built with service-kit; never imported by a service at run time.
export {
  bearer,
  consultantClaims,
  customerClaims,
  encodeTokenPart,
  generateTestKey,
  signToken,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestKey,
} from './access-tokens.js'
export { parsePrometheusText, sampleValue, scrapeMetrics, type MetricSample } from './prometheus-text.js'
