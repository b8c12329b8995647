import type { Prisma } from '../generated/prisma/client.js'
import {
  SEED_BRANCHES,
  SEED_CONSULTATION_CATEGORIES,
  SEED_SERVICE_CATEGORIES,
  SEED_SETTINGS,
  type SeedBranchName,
  type SeedCategoryName,
  type SeedServiceCategoryName,
} from './catalog-data.js'
import { ensureRow } from './converge.js'
import type { SeedTally } from './tally.js'

export type SeedClient = Prisma.TransactionClient

export interface CatalogIds {
  categories: Map<SeedCategoryName, number>
  services: Map<SeedServiceCategoryName, number>
  branches: Map<SeedBranchName, number>
}

export async function seedSettings(prisma: SeedClient, tally: SeedTally): Promise<void> {
  for (const setting of SEED_SETTINGS) {
    const existing = await prisma.configurationSetting.findUnique({ where: { settingKey: setting.key } })
    await ensureRow(
      tally,
      'configuration_settings',
      existing,
      { settingKey: setting.key, settingValue: setting.value, description: setting.description },
      {
        create: (data) => prisma.configurationSetting.create({ data }),
        update: (row, data) => prisma.configurationSetting.update({ where: { settingId: row.settingId }, data }),
      },
    )
  }
}

/**
 * Categories and branches, found by English name. Should the legacy data hold duplicates of a name, the lowest id
 * is the seed's row and the others are left alone (they are not the seed's to delete).
 */
export async function seedCatalog(prisma: SeedClient, tally: SeedTally): Promise<CatalogIds> {
  const categories = new Map<SeedCategoryName, number>()
  for (const category of SEED_CONSULTATION_CATEGORIES) {
    const existing = await prisma.consultationCategory.findFirst({
      where: { nameEn: category.nameEn },
      orderBy: { categoryId: 'asc' },
    })
    const row = await ensureRow(tally, 'consultations_categories', existing, { ...category }, {
      create: (data) => prisma.consultationCategory.create({ data }),
      update: (found, data) => prisma.consultationCategory.update({ where: { categoryId: found.categoryId }, data }),
    })
    categories.set(category.nameEn, row.categoryId)
  }

  const services = new Map<SeedServiceCategoryName, number>()
  for (const { parent, ...service } of SEED_SERVICE_CATEGORIES) {
    const existing = await prisma.serviceCategory.findFirst({
      where: { nameEn: service.nameEn },
      orderBy: { serviceCategoryId: 'asc' },
    })
    const wanted = { ...service, categoryId: parent === null ? null : (categories.get(parent) ?? null) }
    const row = await ensureRow(tally, 'services_categories', existing, wanted, {
      create: (data) => prisma.serviceCategory.create({ data }),
      update: (found, data) =>
        prisma.serviceCategory.update({ where: { serviceCategoryId: found.serviceCategoryId }, data }),
    })
    services.set(service.nameEn, row.serviceCategoryId)
  }

  const branches = new Map<SeedBranchName, number>()
  for (const branch of SEED_BRANCHES) {
    const existing = await prisma.branch.findFirst({ where: { nameEn: branch.nameEn }, orderBy: { branchId: 'asc' } })
    const row = await ensureRow(tally, 'branches', existing, { ...branch }, {
      create: (data) => prisma.branch.create({ data }),
      update: (found, data) => prisma.branch.update({ where: { branchId: found.branchId }, data }),
    })
    branches.set(branch.nameEn, row.branchId)
  }

  return { categories, services, branches }
}
