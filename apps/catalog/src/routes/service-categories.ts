import { asCategoryId, toServiceCategoryListItem, tryParseServiceCategoryId } from '@cp/domain'
import { IdParamsSchema, idParam, negotiateLanguage } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { catalogError, problems } from '../errors.js'
import { httpCache } from '../plugins/http-cache.js'
import { CategoryQuerySchema, NotModifiedResponse, ServiceCategoryListQuerySchema } from '../schemas/categories.js'
import { ServiceCategoryListResponse, ServiceCategoryResponse } from '../schemas/responses.js'
import type { CategoryRoutesOptions } from './consultation-categories.js'

export const serviceCategoryRoutes: FastifyPluginAsyncTypebox<CategoryRoutesOptions> = async (app, options) => {
  const { repository, contentUrl } = options
  const { preHandler, onSend } = httpCache({ maxAge: options.cacheMaxAge, answers: options.answers })

  app.get(
    '/service-categories',
    {
      preHandler,
      onSend,
      schema: {
        tags: ['categories'],
        summary: 'Active service categories, in list order, optionally of one consultation category',
        querystring: ServiceCategoryListQuerySchema,
        response: { 200: ServiceCategoryListResponse, 304: NotModifiedResponse, ...problems() },
      },
    },
    async (request, reply) => {
      const locale = negotiateLanguage(request, reply)
      const { categoryId, translations: bothLanguages } = request.query
      const rows = await repository.listServiceCategories(
        categoryId === undefined ? {} : { parentCategoryId: asCategoryId(categoryId) },
      )
      return { items: rows.map((row) => toServiceCategoryListItem(row, { contentUrl, locale, bothLanguages })) }
    },
  )

  app.get(
    '/service-categories/:id',
    {
      preHandler,
      onSend,
      schema: {
        tags: ['categories'],
        summary: 'One active service category',
        params: IdParamsSchema,
        querystring: CategoryQuerySchema,
        response: {
          200: ServiceCategoryResponse,
          304: NotModifiedResponse,
          ...problems('CATALOG_SERVICE_CATEGORY_NOT_FOUND'),
        },
      },
    },
    async (request, reply) => {
      const id = idParam(tryParseServiceCategoryId, request.params.id)
      const locale = negotiateLanguage(request, reply)
      const row = await repository.findServiceCategory(id)
      if (!row) throw catalogError('CATALOG_SERVICE_CATEGORY_NOT_FOUND')
      return toServiceCategoryListItem(row, { contentUrl, locale, bothLanguages: request.query.translations })
    },
  )
}
