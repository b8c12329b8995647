import { generateKeyPairSync } from 'node:crypto'
import { buildAuthApp } from '@cp/auth/src/app.js'
import { loadAuthConfig } from '@cp/auth/src/config.js'
import { buildCatalogApp } from '@cp/catalog/src/app.js'
import { loadCatalogConfig } from '@cp/catalog/src/config.js'
import { buildConsultantsApp } from '@cp/consultants/src/app.js'
import { loadConsultantsConfig } from '@cp/consultants/src/config.js'
import openapiTS, { astToString } from 'openapi-typescript'

export const SERVICES = ['auth', 'consultants', 'catalog'] as const
export type ServiceName = (typeof SERVICES)[number]

/** Where each output lives, relative to the package folder. */
export const documentPath = (service: ServiceName) => `openapi/${service}.json`
export const typesPath = (service: ServiceName) => `src/generated/${service}.ts`

export const REGENERATE_COMMAND = 'pnpm --filter @cp/api-client generate'

/**
 * Nothing in a document depends on data or on secrets, so the apps are built against a database that refuses
 * connections at once (port 1 on loopback: start-up logs it and goes on) and with throwaway keys. No listening,
 * no database server needed.
 */
const UNREACHABLE_DATABASE = {
  NODE_ENV: 'test',
  DATABASE_URL: 'mysql://root@127.0.0.1:1/openapi',
  DB_CONNECT_TIMEOUT_MS: '300',
  DB_HEALTH_TIMEOUT_MS: '300',
}
const ISSUER = 'https://api.example.com/v1/auth'

function throwawayKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

async function buildApp(service: ServiceName) {
  const keys = throwawayKeyPair()
  switch (service) {
    case 'auth':
      return buildAuthApp({
        config: loadAuthConfig({
          ...UNREACHABLE_DATABASE,
          AUTH_ISSUER: ISSUER,
          AUTH_SIGNING_KEY: keys.privateKeyPem,
          AUTH_OTP_PEPPER: 'openapi-generation-only-0123456789-abcdef',
          AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '0',
        }),
        logger: false,
      })
    case 'consultants':
      return buildConsultantsApp({
        config: loadConsultantsConfig({
          ...UNREACHABLE_DATABASE,
          AUTH_ISSUER: ISSUER,
          AUTH_PUBLIC_KEY_PEM: keys.publicKeyPem,
        }),
        logger: false,
      })
    case 'catalog':
      return buildCatalogApp({ config: loadCatalogConfig(UNREACHABLE_DATABASE), logger: false })
  }
}

/** The OpenAPI document a service serves at `/docs/<service>/openapi.json`. */
export async function fetchDocument(service: ServiceName): Promise<Record<string, unknown>> {
  const app = await buildApp(service)
  try {
    const res = await app.inject({ url: `/docs/${service}/openapi.json` })
    if (res.statusCode !== 200) throw new Error(`${service}: /docs/${service}/openapi.json answered ${res.statusCode}`)
    return res.json()
  } finally {
    await app.close()
  }
}

/** Object keys in code-point order at every level, so the file only changes when the document does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]))
}

export function renderDocument(document: Record<string, unknown>): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`
}

export async function renderTypes(service: ServiceName, documentJson: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentJson), { silent: true })
  const header =
    `// Generated from ${documentPath(service)} by scripts/generate.ts. Do not edit: run \`${REGENERATE_COMMAND}\`.\n`
  return header + astToString(ast)
}

/** Every generated file, by path relative to the package folder, with its content. */
export async function generateAll(): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  // One after the other: each build is short, and the machine is shared.
  for (const service of SERVICES) {
    const documentJson = renderDocument(await fetchDocument(service))
    files.set(documentPath(service), documentJson)
    files.set(typesPath(service), await renderTypes(service, documentJson))
  }
  return files
}
