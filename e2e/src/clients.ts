import { createAuthClient, createCatalogClient, createConsultantsClient } from '@cp/api-client'

/** The three typed clients, all pointed at one base URL: the proxy, as clients see the system. */
export function apiClients(baseUrl: string) {
  return {
    auth: createAuthClient(baseUrl),
    consultants: createConsultantsClient(baseUrl),
    catalog: createCatalogClient(baseUrl),
  }
}

export function bearer(accessToken: string): { authorization: string } {
  return { authorization: `Bearer ${accessToken}` }
}
