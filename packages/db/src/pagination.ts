import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, type PageRequest, pageInfo } from '@cp/domain'
import { type Static, type TSchema, Type } from '@sinclair/typebox'

/**
 * `page`/`pageSize` of a list route; spread its `properties` into the route's querystring schema. Optional in
 * the document (the defaults fill them in on the server), bounded so no request becomes a huge OFFSET.
 */
export const PageQuerySchema = Type.Object({
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: `Page number, from 1 to ${MAX_PAGE}` }),
  ),
  pageSize: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      default: DEFAULT_PAGE_SIZE,
      description: `Items per page, at most ${MAX_PAGE_SIZE}`,
    }),
  ),
})

export type PageQuery = Static<typeof PageQuerySchema>

/** A paginated list response around `itemSchema`: `{ items, page, pageSize, total, totalPages }`. */
export function paginated<T extends TSchema>(itemSchema: T) {
  return Type.Object({
    items: Type.Array(itemSchema),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE }),
    total: Type.Integer({ minimum: 0 }),
    totalPages: Type.Integer({ minimum: 0 }),
  })
}

export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
  totalPages: number
}

/**
 * The response body for one page of `items` out of `total` matching rows. The rows themselves come from
 * `findMany({ ...pageWindow(query) })`, with `pageWindow` from @cp/domain.
 */
export function toPage<T>(items: T[], total: number, query: PageRequest): Page<T> {
  return { items, ...pageInfo({ ...query, total }) }
}
