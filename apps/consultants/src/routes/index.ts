import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { availabilityRoute } from './availability.js'
import { detailRoute } from './detail.js'
import { listRoute } from './list.js'
import type { PublicRoutesOptions } from './shared.js'

export const consultantsRoutes: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (app, options) => {
  // Only our own options go on: the `prefix` this plugin was registered with must not be applied twice.
  const { consultants, availability, totals, profiles, contentUrl, timeZone, now } = options
  const routeOptions = { consultants, availability, totals, profiles, contentUrl, timeZone, now }
  await app.register(listRoute, routeOptions)
  await app.register(detailRoute, routeOptions)
  await app.register(availabilityRoute, routeOptions)
}
