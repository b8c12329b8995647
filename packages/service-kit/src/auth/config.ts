import { type StaticDecode, Type } from '@sinclair/typebox'
import { ConfigError } from '../config/load-config.js'
import { keysFromPem } from './keys.js'
import type { AuthPluginOptions } from './plugin.js'

/**
 * Variables of a service that verifies access tokens; compose it with the service's own schema:
 * `Type.Composite([ServiceConfigSchema, AuthVerifierConfigSchema, Type.Object({ ... })])`.
 * Exactly one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY_PEM is required (checked by `authOptionsFromConfig`).
 */
export const AuthVerifierConfigSchema = Type.Object({
  AUTH_ISSUER: Type.String({ minLength: 1, description: 'The `iss` the auth service signs, e.g. https://api.example.com/v1/auth' }),
  AUTH_JWKS_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s]+$',
      description: "The auth service's internal JWKS address, e.g. http://auth:3001/v1/auth/.well-known/jwks.json",
    }),
  ),
  AUTH_PUBLIC_KEY_PEM: Type.Optional(
    Type.String({ minLength: 1, description: 'EC P-256 public key(s) as PEM, instead of a JWKS URL (tests, air-gapped)' }),
  ),
  AUTH_CLOCK_TOLERANCE_SEC: Type.Integer({ minimum: 0, maximum: 300, default: 30 }),
})

export type AuthVerifierConfig = StaticDecode<typeof AuthVerifierConfigSchema>

/**
 * The auth plugin's options from validated config. `audience` is this service's own name, as the auth
 * service lists it in `aud`. Throws ConfigError at start-up unless exactly one key source is configured.
 */
export function authOptionsFromConfig(
  config: AuthVerifierConfig,
  audience: string,
  overrides: Partial<Omit<AuthPluginOptions, 'issuer' | 'audience' | 'jwksUrl' | 'publicKeyPem'>> = {},
): AuthPluginOptions {
  const { AUTH_JWKS_URL: jwksUrl, AUTH_PUBLIC_KEY_PEM: publicKeyPem } = config
  if ((jwksUrl === undefined) === (publicKeyPem === undefined)) {
    const reason = jwksUrl === undefined ? 'set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM' : 'set only one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY_PEM'
    throw new ConfigError([{ variable: 'AUTH_JWKS_URL', reason }])
  }
  if (publicKeyPem !== undefined) {
    try {
      keysFromPem(publicKeyPem)
    } catch (error) {
      // The messages name PEM labels and key types, never key material.
      throw new ConfigError([{ variable: 'AUTH_PUBLIC_KEY_PEM', reason: (error as Error).message }])
    }
  }
  return {
    issuer: config.AUTH_ISSUER,
    audience,
    clockToleranceSec: config.AUTH_CLOCK_TOLERANCE_SEC,
    ...(jwksUrl === undefined ? {} : { jwksUrl }),
    ...(publicKeyPem === undefined ? {} : { publicKeyPem }),
    ...overrides,
  }
}
