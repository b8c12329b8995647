import { optionalDecimalToNumber, type DecimalLike } from '../decimal.js'
import { asCategoryId, asServiceCategoryId, type CategoryId, type ServiceCategoryId } from '../ids.js'
import { localizedPair, pickLocalized, type Localized } from '../locale.js'
import { buildMediaUrl } from '../media.js'
import { optionalReference, type LocalizedMediaOptions } from './fields.js'

/** The columns both category tables share, named as in the Prisma models. */
interface CategoryColumns {
  readonly nameAr: string | null
  readonly nameEn: string | null
  readonly descriptionAr: string | null
  readonly descriptionEn: string | null
  readonly image: string | null
  readonly icon: string | null
  readonly orderInList: number | null
}

/** A `consultations_categories` row (Prisma `ConsultationCategory`). */
export interface ConsultationCategoryRecord extends CategoryColumns {
  readonly categoryId: number
}

/** A `services_categories` row (Prisma `ServiceCategory`); `categoryId` is its parent consultations category. */
export interface ServiceCategoryRecord extends CategoryColumns {
  readonly serviceCategoryId: number
  readonly categoryId: number | null
  readonly price: DecimalLike | null
}

interface CategoryItemFields {
  /** In the requested language, falling back to the other one; empty only when both are empty. */
  readonly name: string
  readonly description: string | null
  readonly imageUrl: string | null
  readonly iconUrl: string | null
  /** The legacy `Order_In_List` the list is sorted by. */
  readonly order: number
}

/** Both languages, for clients (admin screens, caches) that switch language without refetching. */
export interface BothLanguages {
  readonly names: Localized<string | null>
  readonly descriptions: Localized<string | null>
}

export interface CategoryListItem extends CategoryItemFields {
  readonly id: CategoryId
}

export interface ServiceCategoryListItem extends CategoryItemFields {
  readonly id: ServiceCategoryId
  readonly parentCategoryId: CategoryId | null
  readonly price: number | null
}

export interface CategoryMapOptions extends LocalizedMediaOptions {
  readonly bothLanguages?: boolean
}

export function toCategoryListItem(
  row: ConsultationCategoryRecord,
  options: CategoryMapOptions & { readonly bothLanguages: true },
): CategoryListItem & BothLanguages
export function toCategoryListItem(
  row: ConsultationCategoryRecord,
  options: CategoryMapOptions & { readonly bothLanguages?: false },
): CategoryListItem
export function toCategoryListItem(
  row: ConsultationCategoryRecord,
  options: CategoryMapOptions,
): CategoryListItem | (CategoryListItem & BothLanguages)
export function toCategoryListItem(row: ConsultationCategoryRecord, options: CategoryMapOptions) {
  return { id: asCategoryId(row.categoryId), ...itemFields(row, options) }
}

export function toServiceCategoryListItem(
  row: ServiceCategoryRecord,
  options: CategoryMapOptions & { readonly bothLanguages: true },
): ServiceCategoryListItem & BothLanguages
export function toServiceCategoryListItem(
  row: ServiceCategoryRecord,
  options: CategoryMapOptions & { readonly bothLanguages?: false },
): ServiceCategoryListItem
export function toServiceCategoryListItem(
  row: ServiceCategoryRecord,
  options: CategoryMapOptions,
): ServiceCategoryListItem | (ServiceCategoryListItem & BothLanguages)
export function toServiceCategoryListItem(row: ServiceCategoryRecord, options: CategoryMapOptions) {
  return {
    id: asServiceCategoryId(row.serviceCategoryId),
    ...itemFields(row, options),
    parentCategoryId: optionalReference(row.categoryId, asCategoryId),
    price: optionalDecimalToNumber(row.price),
  }
}

function itemFields(
  row: CategoryColumns,
  { contentUrl, locale, bothLanguages = false }: CategoryMapOptions,
): CategoryItemFields | (CategoryItemFields & BothLanguages) {
  const names = localizedPair({ ar: row.nameAr, en: row.nameEn })
  const descriptions = localizedPair({ ar: row.descriptionAr, en: row.descriptionEn })
  const fields: CategoryItemFields = {
    name: pickLocalized(names, locale) ?? '',
    description: pickLocalized(descriptions, locale),
    imageUrl: buildMediaUrl(contentUrl, row.image),
    iconUrl: buildMediaUrl(contentUrl, row.icon),
    order: row.orderInList ?? 0,
  }
  return bothLanguages ? { ...fields, names, descriptions } : fields
}
