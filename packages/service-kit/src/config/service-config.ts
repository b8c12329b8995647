import { type StaticDecode, Type } from '@sinclair/typebox'
import { parseDuration, parseTrustProxy } from './parsers.js'

const TrustProxySchema = Type.Transform(
  Type.String({
    default: '127.0.0.1,::1',
    description: 'Comma-separated IP addresses or CIDR ranges of the reverse proxy, or "none"',
  }),
)
  .Decode((value) => parseTrustProxy(value))
  .Encode((list) => (list.length === 0 ? 'none' : list.join(',')))

const DurationSchema = (defaultValue: string) =>
  Type.Transform(Type.String({ default: defaultValue, description: 'A duration such as "1 minute"; decoded to ms' }))
    .Decode((value) => parseDuration(value))
    .Encode((ms) => `${ms}ms`)

/**
 * Variables every service reads. A service composes it with its own variables and its default port:
 * `Type.Composite([ServiceConfigSchema, Type.Object({ PORT: Type.Integer({ default: 3003 }), METRICS_PORT: ..., ... })])`.
 */
export const ServiceConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '0.0.0.0', minLength: 1 }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  // Each service gives its own default, as for PORT, so services sharing a host do not collide.
  METRICS_PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    description: 'Port of GET /metrics (Prometheus), apart from PORT and never routed by the proxy; 0 = any free port',
  }),
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    { default: 'info' },
  ),
  TRUST_PROXY: TrustProxySchema,
  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 300 }),
  RATE_LIMIT_WINDOW: DurationSchema('1 minute'),
  CONTENT_URL: Type.String({ pattern: '^https?://[^\\s]+$', default: 'http://localhost:8080/media' }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 10_000 }),
})

export type ServiceConfig = StaticDecode<typeof ServiceConfigSchema>
