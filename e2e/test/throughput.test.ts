// Prints what the proxy costs: requests per second to one instance directly and through nginx (which balances
// over two), side by side in one run. A measurement, not a speed test: it asserts only that every answer was good.
import autocannon from 'autocannon'
import t from 'tap'
import { startStack } from '../src/stack.js'

const DURATION_SECONDS = 3
const CONNECTIONS = 16

async function measure(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors }
}

t.test('requests per second, direct and through the proxy', async (t) => {
  const stack = await startStack(t)
  const path = '/v1/catalog/consultation-categories'
  const direct = stack.instancesOf('catalog')[0]
  if (!direct) throw new Error('no catalog instance')
  await measure(`${stack.proxyUrl}${path}`) // warm both instances and nginx's connections
  const viaDirect = await measure(`${direct.directUrl}${path}`)
  const viaProxy = await measure(`${stack.proxyUrl}${path}`)
  for (const [name, run] of Object.entries({ direct: viaDirect, proxy: viaProxy })) {
    t.equal(run.non2xx, 0, `${name}: every answer 2xx`)
    t.equal(run.errors, 0, `${name}: no connection errors`)
    t.ok(run.rps > 0, `${name}: answered`)
  }
  const ratio = viaProxy.rps / viaDirect.rps
  t.comment(
    `e2e: GET ${path}, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each: ` +
      `direct to one instance ${viaDirect.rps.toFixed(0)} req/s (p50 ${viaDirect.p50} ms, p99 ${viaDirect.p99} ms); ` +
      `through nginx over two instances ${viaProxy.rps.toFixed(0)} req/s (p50 ${viaProxy.p50} ms, p99 ${viaProxy.p99} ms); ` +
      `ratio ${ratio.toFixed(2)}`,
  )
})
