import t from 'tap'
import { PrismaMariaDb } from '@prisma/adapter-mariadb'
import { createTestDatabase } from '@cp/db/testing'
import { parseDatabaseUrl } from '../../src/config.js'
import { PrismaClient } from '../../src/generated/prisma/client.js'

// What the declared relations cost in statements on this stack (Prisma's query compiler over @prisma/adapter-mariadb,
// relationMode "foreignKeys" on a database without foreign keys), counted through Prisma's query events. Prisma
// upgrades may change these numbers: then the README's "Relations" section needs them too.
t.test('statements per call', async (t) => {
  const { url } = await createTestDatabase(t)
  // A client of its own with Prisma's query events: createDb does not subscribe them (they cost on every query).
  const prisma = new PrismaClient({
    adapter: new PrismaMariaDb({ ...parseDatabaseUrl(url), connectionLimit: 2 }),
    log: [{ emit: 'event', level: 'query' }],
  })
  t.teardown(() => prisma.$disconnect())
  const statements: string[] = []
  prisma.$on('query', (event) => {
    if (!event.query.startsWith('--')) statements.push(event.query)
  })
  const count = async (run: () => Promise<unknown>) => {
    statements.length = 0
    await run()
    return statements.length
  }
  await prisma.customer.create({ data: { customerId: 1, firstName: 'a', lastName: 'b' } })
  await prisma.consultationCategory.create({ data: { categoryId: 1, nameAr: 'x', nameEn: 'x' } })
  await prisma.consultant.createMany({
    data: [
      { consultantId: 1, customerId: 1, categoryId: 1 },
      { consultantId: 2, customerId: 2, categoryId: null },
    ],
  })
  const names = { select: { nameEn: true } } as const
  const withNames = (consultantId: number) =>
    prisma.consultant.findUnique({ where: { consultantId }, select: { consultantId: true, category: names, branch: names } })

  t.equal(await count(() => withNames(1)), 3, 'a row and two to-one relations: one statement each (no join strategy on MariaDB)')
  t.equal(await count(() => withNames(2)), 3, 'a NULL reference is still looked up')
  t.same(await withNames(2), { consultantId: 2, category: null, branch: null })
  t.equal(
    await count(() => prisma.customer.findUnique({ where: { customerId: 1 }, select: { consultant: { select: { consultantId: true } } } })),
    2,
    'the back-relation: one more statement',
  )
  // relationMode "prisma" would first read every child table of the customer (15 of them) inside a transaction.
  t.equal(
    await count(() => prisma.customer.updateMany({ where: { customerId: 1 }, data: { verifiedStatus: 'Verified' } })),
    1,
    'an update of a parent row is one UPDATE: no emulated referential actions',
  )
  t.equal(await count(() => prisma.consultationCategory.deleteMany({ where: { categoryId: 1 } })), 1, 'and so is a delete')
  t.same(await withNames(1), { consultantId: 1, category: null, branch: null }, 'which leaves the reference pointing at nothing')
})
