import type { IIngressSpec } from 'kubernetes-models/networking.k8s.io/v1/IngressSpec'
import type { KubeObject } from './render.js'
import { ofKind } from './workloads.js'

/** One public route: a path, how it matches, and the Service (nginx: upstream) that answers it. */
export type Route = { path: string; pathType: 'Exact' | 'Prefix'; service: string }

/** A `location` of nginx.conf that nginx answers itself (no proxy_pass): it has no Ingress path by design. */
export type LocalLocation = { modifier: string; path: string }

/**
 * The routes of nginx.conf's server block. `location = /x { proxy_pass http://svc; }` is an Exact route,
 * `location /x/ { proxy_pass http://svc; }` a Prefix route. Regular-expression and named locations, and prefix
 * locations without proxy_pass, are answered by nginx itself and listed apart, so a new one is noticed.
 */
export function nginxRoutes(conf: string): { routes: Route[]; local: LocalLocation[] } {
  const routes: Route[] = []
  const local: LocalLocation[] = []
  const text = conf.replace(/(^|\s)#[^\n]*/g, '$1')
  const location = /location\s+(?:(=|~\*|~|\^~)\s+)?(\S+)\s*\{/g
  for (let match = location.exec(text); match !== null; match = location.exec(text)) {
    const modifier = match[1] ?? ''
    const path = match[2] as string
    const body = blockAt(text, location.lastIndex)
    const upstream = /^\s*proxy_pass\s+https?:\/\/([A-Za-z0-9_.-]+)[^;]*;/m.exec(body)?.[1]
    if (upstream !== undefined && (modifier === '=' || modifier === '')) {
      routes.push({ path, pathType: modifier === '=' ? 'Exact' : 'Prefix', service: upstream })
    } else {
      local.push({ modifier, path })
    }
  }
  return { routes, local }
}

/** The routes of every Ingress in a rendering, by host. */
export function ingressRoutes(objects: KubeObject[]): { host: string; routes: Route[] }[] {
  return ofKind<{ spec: IIngressSpec }>(objects, 'Ingress').flatMap((ingress) =>
    (ingress.spec.rules ?? []).map((rule) => ({
      host: rule.host ?? '*',
      routes: (rule.http?.paths ?? []).map((path) => ({
        path: path.path ?? '/',
        pathType: path.pathType as Route['pathType'],
        service: path.backend.service?.name ?? '(resource backend)',
      })),
    })),
  )
}

/** Routes in one table and not the other, each as a readable line; empty when the tables are equal. */
export function routeDifferences(nginx: Route[], ingress: Route[]): string[] {
  const key = (route: Route) => `${route.pathType} ${route.path} -> ${route.service}`
  const nginxKeys = new Set(nginx.map(key))
  const ingressKeys = new Set(ingress.map(key))
  return [
    ...[...nginxKeys].filter((route) => !ingressKeys.has(route)).map((route) => `only in nginx.conf: ${route}`),
    ...[...ingressKeys].filter((route) => !nginxKeys.has(route)).map((route) => `only in the Ingress: ${route}`),
  ]
}

/** The body of the block whose `{` ends right before `start`, braces balanced (nginx quotes are ignored). */
function blockAt(text: string, start: number): string {
  let depth = 1
  let quote: string | undefined
  for (let index = start; index < text.length; index++) {
    const char = text[index]
    if (quote !== undefined) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") quote = char
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return text.slice(start, index)
  }
  throw new Error('unbalanced braces in nginx.conf')
}
