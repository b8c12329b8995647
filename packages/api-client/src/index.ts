import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch'
import type { components as AuthComponents, paths as AuthPaths } from './generated/auth.js'
import type { paths as CatalogPaths } from './generated/catalog.js'
import type { paths as ConsultantsPaths } from './generated/consultants.js'

export type {
  components as AuthComponents,
  operations as AuthOperations,
  paths as AuthPaths,
} from './generated/auth.js'
export type {
  components as CatalogComponents,
  operations as CatalogOperations,
  paths as CatalogPaths,
} from './generated/catalog.js'
export type {
  components as ConsultantsComponents,
  operations as ConsultantsOperations,
  paths as ConsultantsPaths,
} from './generated/consultants.js'

/** RFC 9457 problem details, the body of every error the services answer (`application/problem+json`). */
export type Problem = AuthComponents['schemas']['Problem']

export type AuthClient = Client<AuthPaths>
export type ConsultantsClient = Client<ConsultantsPaths>
export type CatalogClient = Client<CatalogPaths>

export interface ApiClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /**
   * Called before every request; a token it returns is sent as `Authorization: Bearer <token>`. Read each time, so
   * a refreshed token is used at once. A request that sets its own `authorization` header keeps it.
   */
  readonly accessToken?: () => string | undefined | Promise<string | undefined>
}

function bearer(accessToken: NonNullable<ApiClientOptions['accessToken']>): Middleware {
  return {
    async onRequest({ request }) {
      if (request.headers.has('authorization')) return undefined
      const token = await accessToken()
      if (token) request.headers.set('authorization', `Bearer ${token}`)
      return request
    },
  }
}

function create<Paths extends {}>(baseUrl: string, options: ApiClientOptions): Client<Paths> {
  const { accessToken, ...clientOptions } = options
  // Paths in the documents are absolute (`/v1/...`), so the base is the origin (or the proxy's origin) only.
  const client = createClient<Paths>({ ...clientOptions, baseUrl: baseUrl.replace(/\/+$/, '') })
  if (accessToken) client.use(bearer(accessToken))
  return client
}

/** The auth service: sign-in, tokens, the current profile, push devices. */
export function createAuthClient(baseUrl: string, options: ApiClientOptions = {}): AuthClient {
  return create<AuthPaths>(baseUrl, options)
}

/** The consultants service: list, public profile, free slots, a consultant's own profile. */
export function createConsultantsClient(baseUrl: string, options: ApiClientOptions = {}): ConsultantsClient {
  return create<ConsultantsPaths>(baseUrl, options)
}

/** The catalog service: consultation and service categories. */
export function createCatalogClient(baseUrl: string, options: ApiClientOptions = {}): CatalogClient {
  return create<CatalogPaths>(baseUrl, options)
}

/** The three clients on one origin, as behind the reverse proxy. */
export function createApiClient(baseUrl: string, options: ApiClientOptions = {}) {
  return {
    auth: createAuthClient(baseUrl, options),
    consultants: createConsultantsClient(baseUrl, options),
    catalog: createCatalogClient(baseUrl, options),
  }
}

/**
 * Whether an `error` returned by a client is a problem document. openapi-fetch parses every error body that is
 * JSON (whatever its content type, so `application/problem+json` too) and leaves other bodies as text: a 304, or
 * a proxy that broke the contract, gives a string.
 */
export function isProblem(value: unknown): value is Problem {
  if (value === null || typeof value !== 'object') return false
  const { status, code, title } = value as Record<string, unknown>
  return typeof status === 'number' && typeof code === 'string' && typeof title === 'string'
}
