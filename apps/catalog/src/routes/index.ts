import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type CategoryRoutesOptions, consultationCategoryRoutes } from './consultation-categories.js'
import { serviceCategoryRoutes } from './service-categories.js'

export const catalogRoutes: FastifyPluginAsyncTypebox<CategoryRoutesOptions> = async (app, options) => {
  // Only our own options go on: the `prefix` this plugin was registered with must not be applied twice.
  const { repository, contentUrl, cacheMaxAge, answers } = options
  await app.register(consultationCategoryRoutes, { repository, contentUrl, cacheMaxAge, answers })
  await app.register(serviceCategoryRoutes, { repository, contentUrl, cacheMaxAge, answers })
}
