// The auth module's public surface, re-exported as one block by the package index.
export { default as authPlugin, type AuthGuard, type AuthPluginOptions } from './plugin.js'
export {
  ACCESS_TOKEN_TYPE,
  type AccessTokenVerifier,
  type AuthContext,
  type ConsultantAuthContext,
  type CustomerAuthContext,
  type TokenRejection,
  type VerifyOutcome,
} from './access-token.js'
export { ACCESS_TOKEN_ALGORITHM } from './keys.js'
export { MAX_AUTHORIZATION_HEADER_LENGTH } from './bearer.js'
export { AuthVerifierConfigSchema, authOptionsFromConfig, type AuthVerifierConfig } from './config.js'
export { BEARER_AUTH, BEARER_AUTH_SCHEME, securityFor, type AuthRequirement } from './openapi.js'
