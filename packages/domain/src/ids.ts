declare const brand: unique symbol

/**
 * A primitive tagged at the type level only, so a `ConsultantId` cannot be passed where a `UserId` is expected.
 * At run time the value is the plain primitive (it serialises, compares and indexes as one).
 */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name }

/** Legacy id columns are MySQL `INT` (signed): anything above this cannot be a row. */
export const MAX_INT_ID = 2_147_483_647

const MAX_REPORTED_INPUT_LENGTH = 64

/** Outside input that is not a valid id of the expected kind. Services answer it with a 400/404, never a 500. */
export class InvalidIdError extends Error {
  override readonly name = 'InvalidIdError'
  /** Which id was expected, e.g. `ConsultantId`. */
  readonly kind: string
  /** A short, printable description of the rejected input (long strings are truncated; objects are not stringified). */
  readonly input: string

  constructor(kind: string, input: unknown) {
    const described = describeInput(input)
    super(`Invalid ${kind}: ${described}`)
    this.kind = kind
    this.input = described
  }
}

function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    const shown = input.length > MAX_REPORTED_INPUT_LENGTH ? `${input.slice(0, MAX_REPORTED_INPUT_LENGTH)}…` : input
    return JSON.stringify(shown)
  }
  if (typeof input === 'number' || typeof input === 'boolean' || input === null || input === undefined) {
    return String(input)
  }
  if (typeof input === 'bigint') return `${input}n`
  // Calling toString on an arbitrary object could throw or leak data; its type is enough to debug a caller.
  return `[${typeof input}]`
}

/** The constructors of one id kind; destructured into the `parseX` / `tryParseX` / `asX` exports below. */
export interface IdCodec<Id, Raw> {
  readonly kind: string
  /** Validates untrusted input (a path parameter, a JSON field); throws `InvalidIdError`. */
  readonly parse: (input: unknown) => Id
  /** Like `parse` but returns `undefined` for invalid input. */
  readonly tryParse: (input: unknown) => Id | undefined
  /** Trusted cast for a value our own database returned; no validation. */
  readonly as: (value: Raw) => Id
}

/** Builds the constructors of a branded id from a normaliser that returns `undefined` for invalid input. */
export function defineId<Name extends string, Raw>(
  kind: Name,
  normalise: (input: unknown) => Raw | undefined,
): IdCodec<Brand<Raw, Name>, Raw> {
  type Id = Brand<Raw, Name>
  const tryParse = (input: unknown): Id | undefined => normalise(input) as Id | undefined
  return {
    kind,
    tryParse,
    parse(input) {
      const id = tryParse(input)
      if (id === undefined) throw new InvalidIdError(kind, input)
      return id
    },
    as: (value) => value as Id,
  }
}

// Canonical decimal only: no sign, no leading zero, no exponent, no spaces; ten digits at most (MAX_INT_ID has ten).
const CANONICAL_POSITIVE_INTEGER = /^[1-9][0-9]{0,9}$/

/** A positive `INT` id given as a number or as its canonical decimal string (`"12"`, never `"012"` or `"1e3"`). */
export function toIntId(input: unknown): number | undefined {
  let value: number
  if (typeof input === 'number') value = input
  else if (typeof input === 'string' && CANONICAL_POSITIVE_INTEGER.test(input)) value = Number(input)
  else return undefined
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_INT_ID ? value : undefined
}

/** Builds the constructors of an id stored in a legacy `INT` column. */
export function defineIntId<Name extends string>(kind: Name): IdCodec<Brand<number, Name>, number> {
  return defineId(kind, toIntId)
}

const UserIdCodec = defineIntId('UserId')
const ConsultantIdCodec = defineIntId('ConsultantId')
const CategoryIdCodec = defineIntId('CategoryId')
const ServiceCategoryIdCodec = defineIntId('ServiceCategoryId')
const BranchIdCodec = defineIntId('BranchId')
const OrderIdCodec = defineIntId('OrderId')
const AppointmentIdCodec = defineIntId('AppointmentId')
const ArticleIdCodec = defineIntId('ArticleId')
const CourseIdCodec = defineIntId('CourseId')
const CollectionIdCodec = defineIntId('CollectionId')
const CareerIdCodec = defineIntId('CareerId')

/** A customer account (`customers.Customer_ID`); consultants sign in as one too. */
export type UserId = Brand<number, 'UserId'>
export type ConsultantId = Brand<number, 'ConsultantId'>
/** A consultations category (`consultations_categories.Category_ID`). */
export type CategoryId = Brand<number, 'CategoryId'>
export type ServiceCategoryId = Brand<number, 'ServiceCategoryId'>
export type BranchId = Brand<number, 'BranchId'>
/** A consultations order (`consultations_orders.Order_ID`): a consultant's application. */
export type OrderId = Brand<number, 'OrderId'>
export type AppointmentId = Brand<number, 'AppointmentId'>
export type ArticleId = Brand<number, 'ArticleId'>
export type CourseId = Brand<number, 'CourseId'>
export type CollectionId = Brand<number, 'CollectionId'>
export type CareerId = Brand<number, 'CareerId'>

export const { parse: parseUserId, tryParse: tryParseUserId, as: asUserId } = UserIdCodec
export const { parse: parseConsultantId, tryParse: tryParseConsultantId, as: asConsultantId } = ConsultantIdCodec
export const { parse: parseCategoryId, tryParse: tryParseCategoryId, as: asCategoryId } = CategoryIdCodec
export const {
  parse: parseServiceCategoryId,
  tryParse: tryParseServiceCategoryId,
  as: asServiceCategoryId,
} = ServiceCategoryIdCodec
export const { parse: parseBranchId, tryParse: tryParseBranchId, as: asBranchId } = BranchIdCodec
export const { parse: parseOrderId, tryParse: tryParseOrderId, as: asOrderId } = OrderIdCodec
export const { parse: parseAppointmentId, tryParse: tryParseAppointmentId, as: asAppointmentId } = AppointmentIdCodec
export const { parse: parseArticleId, tryParse: tryParseArticleId, as: asArticleId } = ArticleIdCodec
export const { parse: parseCourseId, tryParse: tryParseCourseId, as: asCourseId } = CourseIdCodec
export const { parse: parseCollectionId, tryParse: tryParseCollectionId, as: asCollectionId } = CollectionIdCodec
export const { parse: parseCareerId, tryParse: tryParseCareerId, as: asCareerId } = CareerIdCodec

// RFC 9562 layout with a known version (1-8) and the RFC variant; the nil and max UUIDs are never session ids.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

const SessionIdCodec = defineId('SessionId', (input) =>
  typeof input === 'string' && UUID.test(input) ? input.toLowerCase() : undefined,
)

/** A refresh-token session (uuid). Parsing lower-cases it, so ids compare equal however a client spelled them. */
export type SessionId = Brand<string, 'SessionId'>
export const { parse: parseSessionId, tryParse: tryParseSessionId, as: asSessionId } = SessionIdCodec

export const MAX_DEVICE_TOKEN_LENGTH = 4096
// Visible ASCII only: FCM and APNs tokens fit, and whitespace or control characters mean a client bug.
const DEVICE_TOKEN = new RegExp(`^[\\x21-\\x7e]{1,${MAX_DEVICE_TOKEN_LENGTH}}$`)

const DeviceTokenCodec = defineId('DeviceToken', (input) =>
  typeof input === 'string' && DEVICE_TOKEN.test(input) ? input : undefined,
)

/** A push-notification device token (FCM / APNs), 1..4096 visible ASCII characters, taken as given (not trimmed). */
export type DeviceToken = Brand<string, 'DeviceToken'>
export const { parse: parseDeviceToken, tryParse: tryParseDeviceToken, as: asDeviceToken } = DeviceTokenCodec
