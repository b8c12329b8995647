import { toCategoryListItem, tryParseCategoryId } from '@cp/domain'
import { IdParamsSchema, idParam, negotiateLanguage } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { catalogError, problems } from '../errors.js'
import type { AnswerCache } from '../plugins/answer-cache.js'
import { httpCache } from '../plugins/http-cache.js'
import type { CategoriesRepository } from '../repositories/categories-repository.js'
import { CategoryQuerySchema, NotModifiedResponse } from '../schemas/categories.js'
import { CategoryListResponse, CategoryResponse } from '../schemas/responses.js'

export interface CategoryRoutesOptions {
  readonly repository: CategoriesRepository
  readonly contentUrl: string
  readonly cacheMaxAge: number
  /** Answers reused in process for a few seconds (CATALOG_ANSWER_CACHE_SECONDS). */
  readonly answers: AnswerCache
}

export const consultationCategoryRoutes: FastifyPluginAsyncTypebox<CategoryRoutesOptions> = async (app, options) => {
  const { repository, contentUrl } = options
  const { preHandler, onSend } = httpCache({ maxAge: options.cacheMaxAge, answers: options.answers })

  app.get(
    '/consultation-categories',
    {
      preHandler,
      onSend,
      schema: {
        tags: ['categories'],
        summary: 'Active consultation categories, in list order',
        querystring: CategoryQuerySchema,
        response: { 200: CategoryListResponse, 304: NotModifiedResponse, ...problems() },
      },
    },
    async (request, reply) => {
      const locale = negotiateLanguage(request, reply)
      const rows = await repository.listConsultationCategories()
      const bothLanguages = request.query.translations
      return { items: rows.map((row) => toCategoryListItem(row, { contentUrl, locale, bothLanguages })) }
    },
  )

  app.get(
    '/consultation-categories/:id',
    {
      preHandler,
      onSend,
      schema: {
        tags: ['categories'],
        summary: 'One active consultation category',
        params: IdParamsSchema,
        querystring: CategoryQuerySchema,
        response: { 200: CategoryResponse, 304: NotModifiedResponse, ...problems('CATALOG_CATEGORY_NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const id = idParam(tryParseCategoryId, request.params.id)
      const locale = negotiateLanguage(request, reply)
      const row = await repository.findConsultationCategory(id)
      if (!row) throw catalogError('CATALOG_CATEGORY_NOT_FOUND')
      return toCategoryListItem(row, { contentUrl, locale, bothLanguages: request.query.translations })
    },
  )
}
