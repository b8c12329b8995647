import { calendarDateIn, tryParseConsultantId } from '@cp/domain'
import { IdParamsSchema, idParam, negotiateLanguage } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { consultantsError, problems } from '../errors.js'
import { toConsultantDetail } from '../lib/consultant-view.js'
import { LATEST_REVIEWS, NoQuerySchema } from '../schemas/consultants.js'
import { ConsultantDetailResponse } from '../schemas/responses.js'
import type { PublicRoutesOptions } from './index.js'

export const detailRoute: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (app, options) => {
  const { consultants, contentUrl, timeZone, now } = options

  app.get(
    '/:id',
    {
      schema: {
        tags: ['consultants'],
        summary: 'The public profile of a bookable consultant',
        description:
          'With category and branch names, the rating distribution and the latest visible reviews. A consultant ' +
          'who does not exist and one who may not be booked today are both 404.',
        params: IdParamsSchema,
        querystring: NoQuerySchema,
        response: { 200: ConsultantDetailResponse, ...problems('CONSULTANTS_NOT_FOUND', 'COMMON_UNAVAILABLE') },
      },
    },
    async (request, reply) => {
      const id = idParam(tryParseConsultantId, request.params.id)
      const locale = negotiateLanguage(request, reply)
      const row = await consultants.findBookable(id, calendarDateIn(now(), timeZone))
      if (!row) throw consultantsError('CONSULTANTS_NOT_FOUND')
      const [reviews, ratingCounts] = await Promise.all([
        consultants.latestReviews(id, LATEST_REVIEWS),
        consultants.ratingCounts(id),
      ])
      return toConsultantDetail(row, reviews, ratingCounts, { contentUrl, locale, timeZone })
    },
  )
}
