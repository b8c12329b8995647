export { loadConfig, ConfigError, isSecretName, type ConfigIssue } from './config/load-config.js'
export { parseDuration, parseTrustProxy } from './config/parsers.js'
export { ServiceConfigSchema, type ServiceConfig } from './config/service-config.js'
export {
  AppError,
  errorFactory,
  type AppErrorOptions,
  type ErrorFactory,
  type FieldError,
} from './errors/app-error.js'
export { COMMON_ERRORS, type CommonErrorCode } from './errors/common-errors.js'
export { createErrorRegistry, type ErrorRegistry } from './errors/error-registry.js'
export { errorCodesTable, withErrorCodes, writeErrorCodes } from './errors/error-docs.js'
export { renderProblem, DEFAULT_PROBLEM_TYPE_BASE } from './errors/problem.js'
export {
  ProblemSchema,
  ProblemRef,
  PROBLEM_CONTENT_TYPE,
  problemResponses,
  problemResponsesFor,
  type Problem,
  type ProblemResponse,
} from './schemas/problem.js'
export { REDACT_CENSOR, buildLoggerOptions, type ServiceLoggerOptions } from './logger.js'
export { REQUEST_ID_HEADER, genRequestId } from './plugins/request-id.js'
export type { ReadinessCheck, ReadinessChecks, ReadinessContext } from './plugins/health.js'
export type { ServiceMetrics } from './plugins/metrics.js'
export { METRICS_PATH } from './metrics/metrics-server.js'
export { UNMATCHED_ROUTE } from './metrics/http-metrics.js'
export {
  checkSuccessResponses,
  successResponse,
  type SuccessResponseDocs,
  type SuccessResponseReport,
} from './openapi/success-responses.js'
export {
  buildService,
  DEFAULT_READINESS_TIMEOUT_MS,
  type BuildServiceOptions,
  type ServiceApp,
} from './build-service.js'
export { runServer, type RunServerOptions } from './run-server.js'
export {
  authPlugin,
  authOptionsFromConfig,
  AuthVerifierConfigSchema,
  securityFor,
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_TYPE,
  BEARER_AUTH,
  BEARER_AUTH_SCHEME,
  MAX_AUTHORIZATION_HEADER_LENGTH,
  type AccessTokenVerifier,
  type AuthContext,
  type AuthGuard,
  type AuthPluginOptions,
  type AuthRequirement,
  type AuthVerifierConfig,
  type ConsultantAuthContext,
  type CustomerAuthContext,
  type TokenRejection,
  type VerifyOutcome,
} from './auth/index.js'
export { negotiateLanguage } from './http/language.js'
export { IdParamsSchema, INT_ID_PATTERN, idParam } from './http/id-params.js'
