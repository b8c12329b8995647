import { DbConfigSchema } from '@cp/db'
import { loadConfig, ServiceConfigSchema } from '@cp/service-kit'
import { type StaticDecode, Type } from '@sinclair/typebox'

export const CatalogConfigSchema = Type.Composite([
  ServiceConfigSchema,
  DbConfigSchema,
  Type.Object({
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3003 }),
    METRICS_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 9463 }),
    CATALOG_CACHE_MAX_AGE: Type.Integer({
      minimum: 0,
      default: 60,
      description: 'Seconds the proxy and clients may reuse a catalog response before revalidating it',
    }),
    CATALOG_ANSWER_CACHE_SECONDS: Type.Integer({
      minimum: 0,
      maximum: 300,
      default: 5,
      description:
        'Seconds each instance reuses an answer it computed (and answers 304 for it) without asking the database; ' +
        'a change reaches every instance within this time; 0 = off',
    }),
  }),
])

export type CatalogConfig = StaticDecode<typeof CatalogConfigSchema>

export function loadCatalogConfig(env: Record<string, string | undefined> = process.env): CatalogConfig {
  return loadConfig(CatalogConfigSchema, env)
}
