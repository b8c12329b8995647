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
import { problems, validationError } from '../errors.js'
import { toConsultantListItem } from '../lib/consultant-view.js'
import { decodeCursor, encodeCursor, filterTag, positionOf } from '../lib/list-cursor.js'
import type { ConsultantFilter, ConsultantPageRow, ListPosition } from '../repositories/consultants-repository.js'
import { type ConsultantListQuery, ConsultantListQuerySchema, type ConsultantSort } from '../schemas/consultants.js'
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
    const { page, pageSize, sort = 'order', categoryId, branchId, q, online, pagination, cursor } = query
    const filter: ConsultantFilter = {
      categoryId: categoryId === undefined ? undefined : asCategoryId(categoryId),
      branchId: branchId === undefined ? undefined : asBranchId(branchId),
      text: q?.trim(),
      online,
    }
    const tag = filterTag(filter)
    const today = calendarDateIn(now(), timeZone)
    const toItem = (row: ConsultantPageRow) => toConsultantListItem(row, { contentUrl, locale })
    const cursorAfter = (row: ConsultantPageRow | undefined) => (row ? encodeCursor(positionOf(row, sort), tag) : null)

    if (cursor !== undefined || pagination === 'keyset') {
      // `page` has a default of 1, so only another number shows that a client asked for one.
      if (page !== undefined && page !== 1) {
        throw validationError({ path: '/query/page', message: 'must be left out with keyset pagination (cursor)' })
      }
      if (pagination === 'offset') {
        throw validationError({ path: '/query/cursor', message: 'must be left out with pagination=offset' })
      }
      const position = cursor === undefined ? undefined : positionIn(cursor, sort, tag)
      const take = normalizePageRequest({ pageSize }).pageSize
      // One row more than the page tells whether another page follows, without counting.
      const rows = await consultants.listPage(filter, sort, today, { skip: 0, take: take + 1 }, position)
      const pageRows = rows.slice(0, take)
      return {
        items: pageRows.map(toItem),
        pageSize: take,
        nextCursor: rows.length > take ? cursorAfter(pageRows.at(-1)) : null,
      }
    }

    const pageRequest = normalizePageRequest({ page, pageSize })
    const window = pageWindow(pageRequest)
    const rows = await consultants.listPage(filter, sort, today, window)
    const total =
      totalFromPage(window, rows.length) ??
      (await totals.get(JSON.stringify([today, filter]), () => consultants.countBookable(filter, today)))
    return {
      ...toPage(rows.map(toItem), total, pageRequest),
      nextCursor: window.skip + rows.length < total ? cursorAfter(rows.at(-1)) : null,
    }
  }

  // `/v1/consultants/` reaches this route too: the service kit ignores a trailing slash on every route.
  app.get('', { schema }, async (request, reply) => listPage(request.query, negotiateLanguage(request, reply)))
}

/** The position a cursor names, or a 400 on `/query/cursor` saying why it is refused. */
function positionIn(cursor: string, sort: ConsultantSort, tag: string): ListPosition {
  const position = decodeCursor(cursor, sort, tag)
  if (typeof position === 'object') return position
  const message = {
    malformed: 'is not a cursor this list issued',
    sort: 'was issued for another sort; send the sort it came with',
    filters: 'was issued for other filters; send the filters it came with',
  }[position]
  throw validationError({ path: '/query/cursor', message })
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
