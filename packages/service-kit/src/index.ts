export { loadConfig, ConfigError, isSecretName, type ConfigIssue } from './config/load-config.js'
export { parseDuration, parseTrustProxy } from './config/parsers.js'
export { ServiceConfigSchema, type ServiceConfig } from './config/service-config.js'
export { AppError, isAppError, type AppErrorOptions, type FieldError } from './errors/app-error.js'
export { COMMON_ERRORS, type CommonErrorCode } from './errors/common-errors.js'
export { createErrorRegistry, type ErrorRegistry } from './errors/error-registry.js'
export { toFieldErrors } from './errors/fastify-errors.js'
export { renderProblem, DEFAULT_PROBLEM_TYPE_BASE } from './errors/problem.js'
export {
  ProblemSchema,
  ProblemRef,
  FieldErrorSchema,
  PROBLEM_CONTENT_TYPE,
  problemResponses,
  problemResponsesFor,
  type Problem,
  type ProblemResponse,
} from './schemas/problem.js'
export { REDACT_PATHS, REDACT_CENSOR, buildLoggerOptions, type ServiceLoggerOptions } from './logger.js'
export { REQUEST_ID_HEADER, genRequestId } from './plugins/request-id.js'
export type { ReadinessCheck, ReadinessChecks, ReadinessContext } from './plugins/health.js'
export { docsPrefix } from './plugins/swagger.js'
export {
  buildService,
  DEFAULT_BODY_LIMIT,
  DEFAULT_READINESS_TIMEOUT_MS,
  type BuildServiceOptions,
  type ServiceApp,
} from './build-service.js'
export { runServer, type RunServerOptions } from './run-server.js'
