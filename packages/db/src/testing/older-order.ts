import type { PrismaClient } from '../generated/prisma/client.js'

type Decided = 'Approved' | 'Rejected'

const DAY_MS = 86_400_000

/**
 * Makes a consultant's account hold two orders whose creation times and ids disagree, as imported or back-dated
 * legacy rows do: its only order, now `current` and created a day before `now`, and then an order `older` dated
 * years back, recorded after it (so with the higher id). By the rule of packages/db/src/eligibility/latest-order.ts
 * the `current` order is the latest; by id it would be the `older` one. For the services' route tests.
 */
export async function recordOlderOrderLater(
  prisma: PrismaClient,
  customerId: number,
  { current, older, now }: { current: Decided; older: Decided; now: Date },
): Promise<void> {
  const orders = await prisma.consultationOrder.findMany({ where: { customerId }, select: { orderId: true } })
  const [order] = orders
  if (!order || orders.length > 1) throw new Error(`customer ${customerId} must have exactly one order`)
  await prisma.consultationOrder.update({
    where: { orderId: order.orderId },
    data: { orderStatus: current, createdAt: new Date(now.getTime() - DAY_MS) },
  })
  const imported = await prisma.consultationOrder.create({
    data: { customerId, orderStatus: older, createdAt: new Date('2019-03-01T09:00:00Z') },
    select: { orderId: true },
  })
  if (imported.orderId <= order.orderId) throw new Error('the older order must have the higher id')
}
