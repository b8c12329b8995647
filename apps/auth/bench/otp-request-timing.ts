// Prints the median (and 90th percentile) time of a consultant-role code request, as a client sees it over HTTP, for
// destinations with a consultant account and without any account. The answer must not depend on which: the account
// lookup runs only after the 202 is out. A second round makes every lookup 50 ms slower, which must not show in the
// answers either. Not a test: the numbers depend on the machine and its load.
// Run: node --conditions=development --import tsx bench/otp-request-timing.ts [requests per kind, default 150]
import { createTestDatabase } from '@cp/db/testing'
import { buildAuthApp } from '../src/app.js'
import { loadAuthConfig } from '../src/config.js'
import { generateDevKeyPem } from '../src/lib/keys.js'
import { createMemorySender } from '../src/lib/senders.js'
import type { AccountsRepository } from '../src/repositories/accounts-repository.js'

const PER_KIND = Number(process.argv[2] ?? 150)
const teardowns: Array<() => unknown> = []
const database = await createTestDatabase({ teardown: (fn) => teardowns.push(fn) }, { connect: true })
const { prisma } = database.db

try {
  // Consultants of their own, so that every request goes to a destination without a code yet (one code per minute).
  const consultantPhones = Array.from({ length: PER_KIND * 2 }, (_, i) => `+96651${String(i).padStart(7, '0')}`)
  await prisma.customer.createMany({ data: consultantPhones.map((phone) => ({ firstName: 'Bench', lastName: 'Consultant', phone })) })
  const customers = await prisma.customer.findMany({ where: { phone: { in: consultantPhones } }, select: { customerId: true } })
  await prisma.consultant.createMany({ data: customers.map(({ customerId }) => ({ customerId })) })
  const nobodyPhones = Array.from({ length: PER_KIND * 2 }, (_, i) => `+96659${String(i).padStart(7, '0')}`)

  for (const [round, extraLookupMs] of [['normal lookup', 0], ['lookup made 50 ms slower', 50]] as const) {
    const slow = (accounts: AccountsRepository): AccountsRepository => ({
      ...accounts,
      async findByDestination(destination) {
        await new Promise((resolve) => setTimeout(resolve, extraLookupMs))
        return accounts.findByDestination(destination)
      },
    })
    const app = await buildAuthApp({
      config: loadAuthConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        RATE_LIMIT_MAX: '1000000',
        AUTH_SIGNING_KEY: generateDevKeyPem(),
        AUTH_OTP_PEPPER: 'bench-pepper-0123456789-abcdefghijklmnop',
        AUTH_HOUSEKEEPING_INTERVAL_SECONDS: '0',
      }),
      logger: false,
      sender: createMemorySender(),
      wrapAccounts: slow,
    })
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const offset = round === 'normal lookup' ? 0 : PER_KIND
    const times: Record<'consultant' | 'nobody', number[]> = { consultant: [], nobody: [] }
    // One request at a time, the two kinds interleaved, so that load drifts touch both alike.
    for (let i = 0; i < PER_KIND; i++) {
      for (const kind of ['consultant', 'nobody'] as const) {
        const destination = (kind === 'consultant' ? consultantPhones : nobodyPhones)[offset + i]!
        const start = performance.now()
        const res = await fetch(`${address}/v1/auth/otp/request`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 8) & 255}.${i & 255}.${kind === 'consultant' ? 1 : 2}` },
          body: JSON.stringify({ destination, role: 'consultant' }),
        })
        await res.arrayBuffer()
        times[kind].push(performance.now() - start)
        if (res.status !== 202) throw new Error(`${kind} ${destination}: ${res.status}`)
      }
    }
    await app.close()
    for (const kind of ['consultant', 'nobody'] as const) {
      const sorted = times[kind].sort((a, b) => a - b)
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2)
      console.log(`${round}, ${kind === 'consultant' ? 'consultant account' : 'no account       '}: median ${at(0.5)} ms, p90 ${at(0.9)} ms (${sorted.length} requests)`)
    }
  }
} finally {
  for (const teardown of teardowns.reverse()) await teardown()
}
