import { decimalToNumber, type DecimalLike, MAX_INT_ID } from '@cp/domain'
import type { ConsultantFilter, ListPosition } from '../repositories/consultants-repository.js'
import type { ConsultantSort } from '../schemas/consultants.js'

/**
 * Keyset cursors of the consultants list: where the previous page ended, in the columns of its sort, plus the
 * sort and a tag of the filters it was issued for. Opaque to clients (base64url of a small JSON array), and fully
 * validated when it comes back: a cursor that does not decode, names values out of their column's range, or was
 * issued for another sort or other filters is refused (400), never passed to SQL as it is. A forged but
 * well-formed cursor only starts the walk at another position of the public list, which any client may read.
 */

const VERSION = 1
/** Longer than any cursor we issue (about 60 characters), short enough to refuse junk early. */
export const MAX_CURSOR_LENGTH = 200
export const CURSOR_PATTERN = '^[A-Za-z0-9_-]+$'

const INT_MIN = -2147483648
const INT_MAX = 2147483647
/** DECIMAL(10,2) (Price) and DECIMAL(3,2) (Rating), as we print them: no exponent, no superfluous zeros. */
const PRICE = /^-?(?:0|[1-9][0-9]{0,7})(?:\.[0-9]{1,2})?$/
const RATING = /^-?[0-9](?:\.[0-9]{1,2})?$/

/** The columns of one listed consultant a cursor needs. */
export interface PositionedRow {
  readonly consultantId: number
  readonly orderInList: number
  readonly price: DecimalLike | null
  /** Never null in the table (NOT NULL DEFAULT 0), whatever the row type allows. */
  readonly rating: DecimalLike | null
  readonly ratingCount: number | bigint | null
}

/** A decimal as a plain, exact string (`180`, `3.5`), whatever object or text the driver returned it as. */
function decimalText(value: DecimalLike): string {
  return String(decimalToNumber(value))
}

/** Where a page ending with `row` ends, in the terms of `sort`. */
export function positionOf(row: PositionedRow, sort: ConsultantSort): ListPosition {
  const id = row.consultantId
  switch (sort) {
    case 'order':
      return { sort, orderInList: row.orderInList, id }
    case 'rating':
      return { sort, rating: decimalText(row.rating ?? 0), ratingCount: Number(row.ratingCount ?? 0), id }
    case 'price':
    case 'price_desc':
      return { sort, price: row.price === null ? null : decimalText(row.price), id }
  }
}

/**
 * A short tag of the filters: a cursor is only valid with the filters it was issued for (FNV-1a over their
 * canonical JSON; a collision would at worst continue another filtered walk of the same public list).
 */
export function filterTag(filter: ConsultantFilter): string {
  const text = filter.text === undefined || filter.text === '' ? null : filter.text
  const canonical = JSON.stringify([filter.categoryId ?? null, filter.branchId ?? null, text, filter.online ?? null])
  let hash = 0x811c9dc5
  for (let index = 0; index < canonical.length; index += 1) {
    hash ^= canonical.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36)
}

export function encodeCursor(position: ListPosition, tag: string): string {
  const values =
    position.sort === 'order'
      ? [position.orderInList, position.id]
      : position.sort === 'rating'
        ? [position.rating, position.ratingCount, position.id]
        : [position.price, position.id]
  return Buffer.from(JSON.stringify([VERSION, position.sort, tag, ...values])).toString('base64url')
}

export type CursorProblem = 'malformed' | 'sort' | 'filters'

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
const isId = (value: unknown): value is number => isInt(value, 1, MAX_INT_ID)

function positionFrom(sort: unknown, values: unknown[]): ListPosition | undefined {
  if (sort === 'order') {
    const [orderInList, id] = values
    if (values.length === 2 && isInt(orderInList, INT_MIN, INT_MAX) && isId(id)) return { sort, orderInList, id }
  } else if (sort === 'rating') {
    const [rating, ratingCount, id] = values
    if (values.length === 3 && typeof rating === 'string' && RATING.test(rating) && isInt(ratingCount, INT_MIN, INT_MAX) && isId(id)) {
      return { sort, rating, ratingCount, id }
    }
  } else if (sort === 'price' || sort === 'price_desc') {
    const [price, id] = values
    if (values.length === 2 && (price === null || (typeof price === 'string' && PRICE.test(price))) && isId(id)) {
      return sort === 'price' ? { sort, price, id } : { sort, price, id }
    }
  }
  return undefined
}

/** The position a cursor names, if it is one we issued for this sort and these filters. */
export function decodeCursor(cursor: string, sort: ConsultantSort, tag: string): ListPosition | CursorProblem {
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return 'malformed'
  }
  if (!Array.isArray(decoded) || decoded[0] !== VERSION || typeof decoded[2] !== 'string') return 'malformed'
  const position = positionFrom(decoded[1], decoded.slice(3))
  if (!position) return 'malformed'
  if (position.sort !== sort) return 'sort'
  return decoded[2] === tag ? position : 'filters'
}
