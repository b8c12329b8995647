import { type CalendarDate, type ConsultantId, calendarDateIn, tryParseConsultantId } from '@cp/domain'
import { IdParamsSchema, idParam, negotiateLanguage } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { consultantsError, problems } from '../errors.js'
import { toConsultantDetail } from '../lib/consultant-view.js'
import { LATEST_REVIEWS, NoQuerySchema } from '../schemas/consultants.js'
import { ConsultantDetailResponse } from '../schemas/responses.js'
import type { CachedProfile, PublicRoutesOptions } from './index.js'

const JSON_UTF8 = 'application/json; charset=utf-8'

export const detailRoute: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (app, options) => {
  const { consultants, profiles, contentUrl, timeZone, now } = options

  /** The profile as the database had it at most CONSULTANTS_PROFILE_CACHE_SECONDS ago, for today's "bookable". */
  async function bookableProfile(id: ConsultantId, today: CalendarDate): Promise<CachedProfile> {
    const read = async (): Promise<CachedProfile> => ({
      today,
      record: await consultants.findBookable(id, today, LATEST_REVIEWS),
      answers: {},
    })
    const key = String(id)
    const cached = await profiles.get(key, read)
    if (cached.today === today) return cached
    // Read on another day: who is bookable may have changed at midnight.
    profiles.forget(key)
    return profiles.get(key, read)
  }

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
      const profile = await bookableProfile(id, calendarDateIn(now(), timeZone))
      const found = profile.record
      if (!found) throw consultantsError('CONSULTANTS_NOT_FOUND')
      // Mapped and serialized (by this route's response schema) once per language and cached record, not per request.
      const answer = (profile.answers[locale] ??= String(
        reply.serialize(toConsultantDetail(found.consultant, found.reviews, found.ratingCounts, { contentUrl, locale, timeZone })),
      ))
      // A string with a JSON content type is sent as it is; the type provider types `send` for the object, which
      // this string already is, serialized by the same schema.
      return (reply as FastifyReply).type(JSON_UTF8).send(answer)
    },
  )
}
