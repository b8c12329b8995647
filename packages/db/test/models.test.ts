import { readFileSync } from 'node:fs'
import t from 'tap'
import { AccountStatus, OrderStatus, Prisma } from '../src/index.js'

t.test('every model of the schema is exported by name as a record type', async (t) => {
  const source = readFileSync(new URL('../src/models.ts', import.meta.url), 'utf8')
  const exported = new Set(source.match(/^\s+([A-Z]\w+),$/gm)?.map((line) => line.trim().slice(0, -1)))
  const models = Object.values(Prisma.ModelName)
  t.ok(models.length > 0)
  t.same(models.filter((model) => !exported.has(model)), [], 'add new models to src/models.ts')
})

t.test('enums are real objects mirroring the legacy ENUM values', async (t) => {
  t.same(Object.values(AccountStatus), ['Active', 'Disabled'])
  t.same(Object.values(OrderStatus), ['Pending', 'Approved', 'Rejected'])
})
