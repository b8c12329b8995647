export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100
/** Pages beyond this are refused rather than turned into ever deeper OFFSET scans. */
export const MAX_PAGE = 10_000

/** A page request; both parts optional so a route can pass its querystring straight in. */
export interface PageRequest {
  readonly page?: number | undefined
  readonly pageSize?: number | undefined
}

export interface PageWindow {
  readonly skip: number
  readonly take: number
}

export interface PageInfo {
  readonly page: number
  readonly pageSize: number
  readonly total: number
  readonly totalPages: number
}

/**
 * Fills in defaults and clamps into bounds: a missing or non-finite page is 1, a missing page size is the default,
 * fractions round down, and the page size stays within 1..MAX_PAGE_SIZE. Route schemas should reject bad values
 * first; this keeps the queries sane when one does not.
 */
export function normalizePageRequest(request: PageRequest): { page: number; pageSize: number } {
  const page = request.page !== undefined && Number.isFinite(request.page) ? Math.max(1, Math.floor(request.page)) : 1
  const pageSize =
    request.pageSize !== undefined && Number.isFinite(request.pageSize)
      ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize)))
      : DEFAULT_PAGE_SIZE
  return { page, pageSize }
}

/** The rows of one page, as `skip`/`take` (Prisma) or OFFSET/LIMIT. */
export function pageWindow(request: PageRequest): PageWindow {
  const { page, pageSize } = normalizePageRequest(request)
  return { skip: (page - 1) * pageSize, take: pageSize }
}

/** The page metadata of a list response; a page past the end is reported as asked, with no rows. */
export function pageInfo(request: PageRequest & { readonly total: number }): PageInfo {
  const { page, pageSize } = normalizePageRequest(request)
  const total = Number.isFinite(request.total) ? Math.max(0, Math.floor(request.total)) : 0
  return { page, pageSize, total, totalPages: Math.ceil(total / pageSize) }
}
