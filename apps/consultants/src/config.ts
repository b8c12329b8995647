import { DbConfigSchema } from '@cp/db'
import { isValidTimeZone } from '@cp/domain'
import { AuthVerifierConfigSchema, loadConfig, ServiceConfigSchema } from '@cp/service-kit'
import { type StaticDecode, Type } from '@sinclair/typebox'

const TimeZoneSchema = Type.Transform(
  Type.String({
    default: 'Asia/Riyadh',
    description: 'IANA zone the legacy DATE and DATETIME columns are written in (they carry no zone themselves)',
  }),
)
  .Decode((zone) => {
    if (!isValidTimeZone(zone)) throw new Error(`not an IANA time zone this runtime knows: ${zone}`)
    return zone
  })
  .Encode((zone) => zone)

export const ConsultantsConfigSchema = Type.Composite([
  ServiceConfigSchema,
  DbConfigSchema,
  AuthVerifierConfigSchema,
  Type.Object({
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3002 }),
    METRICS_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 9462 }),
    PLATFORM_TIME_ZONE: TimeZoneSchema,
    CONSULTANTS_TOTAL_CACHE_SECONDS: Type.Integer({
      minimum: 0,
      maximum: 3600,
      default: 10,
      description: 'Seconds a list total is reused before it is counted again; 0 counts on every request',
    }),
    CONSULTANTS_PROFILE_CACHE_SECONDS: Type.Integer({
      minimum: 0,
      maximum: 300,
      default: 5,
      description: 'Seconds a public profile is reused before it is read again; 0 reads on every request',
    }),
  }),
])

export type ConsultantsConfig = StaticDecode<typeof ConsultantsConfigSchema>

export function loadConsultantsConfig(env: Record<string, string | undefined> = process.env): ConsultantsConfig {
  return loadConfig(ConsultantsConfigSchema, env)
}
