import { parseDatabaseUrl } from '@cp/db'
import { seedScenarios, seedVolume } from '@cp/db/seed'
import { createTestDatabase } from '@cp/db/testing'
import { createConnection } from 'mariadb'

export interface Volume {
  readonly customers: number
  readonly consultants: number
}

export interface BenchDatabase {
  readonly name: string
  readonly url: string
  readonly seconds: number
}

/**
 * A fresh database on the test server (TEST_DATABASE_URL, else DATABASE_URL, else 127.0.0.1:3306), migrated by our
 * applier, seeded with the business scenarios and `volume`, its statistics refreshed. It is created by the tests'
 * own helper, so it is dropped by `teardown` and, if this process is killed first, swept by the next test or bench
 * run on this machine.
 */
export async function createBenchDatabase(volume: Volume, teardowns: Array<() => unknown>): Promise<BenchDatabase> {
  const started = performance.now()
  const database = await createTestDatabase({ teardown: (fn) => teardowns.push(fn) }, { connect: true })
  try {
    await seedScenarios(database.db.prisma)
    await seedVolume(database.url, volume)
    // Fresh tables have no statistics yet; the plans the services rely on need them, as on a live server.
    await database.db.prisma.$queryRawUnsafe(
      'ANALYZE TABLE consultants, customers, consultations_orders, consultant_contract, consultant_licenses, reviews',
    )
  } finally {
    await database.db.disconnect()
  }
  return { name: database.name, url: database.url, seconds: (performance.now() - started) / 1000 }
}

/** The account a consultant signs in with: the `sub` of their access token. */
export async function customerIdOf(url: string, consultantId: number): Promise<number> {
  const conn = await createConnection(parseDatabaseUrl(url))
  try {
    const rows = (await conn.query('SELECT Customer_ID AS customerId FROM consultants WHERE Consultant_ID = ?', [
      consultantId,
    ])) as Array<{ customerId: number }>
    const customerId = rows[0]?.customerId
    if (customerId === undefined) throw new Error(`consultant ${consultantId} not found`)
    return customerId
  } finally {
    await conn.end()
  }
}
