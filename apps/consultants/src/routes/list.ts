import { toPage } from '@cp/db'
import {
  asBranchId,
  asCategoryId,
  calendarDateIn,
  type Locale,
  normalizePageRequest,
  type PageWindow,
  pageWindow,
} from '@cp/domain'
import { negotiateLanguage } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problems } from '../errors.js'
import { toConsultantListItem } from '../lib/consultant-view.js'
import type { ConsultantFilter } from '../repositories/consultants-repository.js'
import { type ConsultantListQuery, ConsultantListQuerySchema } from '../schemas/consultants.js'
import { ConsultantListResponse } from '../schemas/responses.js'
import type { PublicRoutesOptions } from './index.js'

export const listRoute: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (app, options) => {
  const { consultants, totals, contentUrl, timeZone, now } = options

  const schema = {
    tags: ['consultants'],
    summary: 'Bookable consultants, filtered, sorted and paginated',
    description:
      'Consultants a customer may book today: consultant and account active, latest application approved, ' +
      'a contract in effect and a license not expired (platform time zone). Public fields only.',
    querystring: ConsultantListQuerySchema,
    response: { 200: ConsultantListResponse, ...problems('COMMON_UNAVAILABLE') },
  }

  async function listPage(query: ConsultantListQuery, locale: Locale) {
    const { page, pageSize, sort = 'order', categoryId, branchId, q, online } = query
    const pageRequest = normalizePageRequest({ page, pageSize })
    const window = pageWindow(pageRequest)
    const filter: ConsultantFilter = {
      categoryId: categoryId === undefined ? undefined : asCategoryId(categoryId),
      branchId: branchId === undefined ? undefined : asBranchId(branchId),
      text: q?.trim(),
      online,
    }
    const today = calendarDateIn(now(), timeZone)
    const rows = await consultants.listPage(filter, sort, today, window)
    const total =
      totalFromPage(window, rows.length) ??
      (await totals.get(JSON.stringify([today, filter]), () => consultants.countBookable(filter, today)))
    return toPage(
      rows.map((row) => toConsultantListItem(row, { contentUrl, locale })),
      total,
      pageRequest,
    )
  }

  // `/v1/consultants/` reaches this route too: the service kit ignores a trailing slash on every route.
  app.get('', { schema }, async (request, reply) => listPage(request.query, negotiateLanguage(request, reply)))
}

/**
 * A page that is neither full nor empty is the last one, so it tells the total by itself; so does an empty first
 * page. Only then is the count query skipped, which saves it for most narrow searches.
 */
export function totalFromPage(window: PageWindow, rowCount: number): number | undefined {
  if (rowCount > 0 && rowCount < window.take) return window.skip + rowCount
  if (rowCount === 0 && window.skip === 0) return 0
  return undefined
}
