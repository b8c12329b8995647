// What the proxy itself guarantees: the real client address for limits, nothing private routed, the docs, and
// its own errors in the services' problem+json format.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { sampleValue, scrapeMetrics } from '@cp/service-kit/testing'
import t from 'tap'
import { REPO_ROOT, SERVICES } from '../src/bundles.js'
import { rawRequest } from '../src/raw-http.js'
import { startStack } from '../src/stack.js'

const PER_IP_CODE_LIMIT = 20

function versionOf(service: string): string {
  return (createRequire(join(REPO_ROOT, 'apps', service, 'package.json'))(join(REPO_ROOT, 'apps', service, 'package.json')) as { version: string }).version
}

t.test('the proxy edge', async (t) => {
  const stack = await startStack(t)
  const url = (path: string) => `${stack.proxyUrl}${path}`

  t.test('a client cannot spoof its address past the proxy for rate limits', async (t) => {
    // One client (127.0.0.9) claiming a new X-Forwarded-For on every request: the per-IP code limit still counts
    // all of them, on both instances, because the proxy replaces the header with the address it saw.
    const spoofer = '127.0.0.9'
    const statuses: number[] = []
    for (let i = 0; i <= PER_IP_CODE_LIMIT; i++) {
      const answer = await rawRequest(url('/v1/auth/otp/request'), {
        method: 'POST',
        localAddress: spoofer,
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-real-ip': `198.51.100.${i + 1}`, 'x-request-id': `spoof-${i}` },
        body: { destination: `+9665010${String(i).padStart(5, '0')}` },
      })
      statuses.push(answer.status)
      if (answer.status === 429) t.equal(answer.json().code, 'AUTH_OTP_IP_LIMITED')
    }
    t.same(statuses, [...Array(PER_IP_CODE_LIMIT).fill(202), 429], `${PER_IP_CODE_LIMIT} codes, then refused`)
    const servers = new Set<string | undefined>()
    for (let i = 0; i < PER_IP_CODE_LIMIT; i++) servers.add((await stack.servedBy(`spoof-${i}`))[0]?.name)
    t.equal(servers.size, 2, 'the requests were spread over both auth instances')
    const seen = stack
      .instancesOf('auth')
      .flatMap((i) => i.records)
      .filter((r) => r.msg === 'incoming request' && String(r.requestId).startsWith('spoof-'))
      .map((r) => (r.req as { remoteAddress?: string } | undefined)?.remoteAddress)
    t.same([...new Set(seen)], [spoofer], 'the services saw the real client address, never the claimed one')

    const other = await rawRequest(url('/v1/auth/otp/request'), {
      method: 'POST',
      localAddress: '127.0.0.10',
      body: { destination: '+966501099999' },
    })
    t.equal(other.status, 202, 'another client is not limited by the first one')
  })

  t.test('health and metrics are not reachable through the proxy', async (t) => {
    for (const path of ['/health/live', '/health/ready', '/metrics', '/v1/catalog/../../health/ready', '/v1/catalog/%2e%2e/%2e%2e/health/ready']) {
      const answer = await rawRequest(url(path))
      t.equal(answer.status, 404, path)
      t.equal(answer.headers['content-type'], 'application/problem+json')
      t.equal(answer.json().code, 'COMMON_NOT_FOUND', path)
    }
    // They do answer on the instances themselves, for the orchestrator.
    const instance = stack.instancesOf('catalog')[0]
    t.equal((await rawRequest(`${instance?.directUrl}/health/ready`)).status, 200)
  })

  t.test('each instance counts the requests the proxy brought it, on its own metrics port', async (t) => {
    const route = { route: '/v1/catalog/consultation-categories', method: 'GET', status_code: '200' }
    const served = async () => {
      let total = 0
      for (const instance of stack.instancesOf('catalog')) {
        const port = Number(new URL(instance.metricsUrl).port)
        total += sampleValue(await scrapeMetrics(port), 'http_request_duration_seconds_count', route)
      }
      return total
    }
    const before = await served()
    const n = 6
    for (let i = 0; i < n; i++) t.equal((await rawRequest(url('/v1/catalog/consultation-categories'))).status, 200)
    t.equal((await served()) - before, n, 'every proxied request counted once, on the instance that served it')
    const refused = await rawRequest(url('/metrics'))
    t.equal(refused.status, 404, 'while the proxy still refuses /metrics')
  })

  t.test('the docs index and every OpenAPI document are served through the proxy, and their servers work there', async (t) => {
    const index = await rawRequest(url('/docs'))
    t.equal(index.status, 200)
    t.match(index.headers['content-type'], /^text\/html/)
    for (const service of SERVICES) {
      t.match(index.text, `href="/docs/${service}"`)
      const document = await rawRequest(url(`/docs/${service}/openapi.json`))
      t.equal(document.status, 200, `${service} document`)
      const openapi = document.json<{ info: { version: string }; servers: { url: string }[]; paths: Record<string, unknown> }>()
      t.equal(openapi.info.version, versionOf(service), `${service} reports its own package version`)
      t.same(openapi.servers, [{ url: '/' }], 'paths are absolute, so "try it out" goes through the proxy')
      t.ok(Object.keys(openapi.paths).every((path) => path.startsWith(`/v1/${service}`)), `${service} documents only its prefix`)

      const ui = await rawRequest(url(`/docs/${service}/`))
      t.equal(ui.status, 200, `${service} reference page`)
      // Every asset the page loads is served through the proxy too.
      const assets = [...ui.text.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1])
      t.ok(assets.length > 0, 'the page loads assets')
      for (const asset of assets) {
        t.equal((await rawRequest(url(`/docs/${service}/${asset}`))).status, 200, `${service} ${asset}`)
      }
    }
    // "Try it out" sends the request to servers[0] + path: through the proxy, that is the route itself.
    const tried = await rawRequest(url('/v1/catalog/consultation-categories'), { headers: { accept: 'application/json' } })
    t.equal(tried.status, 200)
  })

  t.test('the proxy answers its own errors in problem+json, with the request id', async (t) => {
    const tooLarge = await rawRequest(url('/v1/auth/otp/request'), {
      method: 'POST',
      headers: { 'x-request-id': 'too-large-1' },
      body: { destination: 'x'.repeat(200 * 1024) },
    })
    t.equal(tooLarge.status, 413)
    t.same(tooLarge.json(), {
      type: 'urn:problem:COMMON_PAYLOAD_TOO_LARGE',
      title: 'The request body is too large',
      status: 413,
      code: 'COMMON_PAYLOAD_TOO_LARGE',
      requestId: 'too-large-1',
    })
    t.equal(tooLarge.headers['x-request-id'], 'too-large-1')

    const unknown = await rawRequest(url('/v2/anything'), { headers: { 'accept-language': 'ar' } })
    t.equal(unknown.status, 404)
    t.equal(unknown.json().title, 'المورد المطلوب غير موجود')
    t.equal(unknown.headers['content-language'], 'ar')
  })
})
