import { type CalendarDate, calendarDateIn } from '@cp/domain'
import { type Connection, createConnection } from 'mariadb'
import { parseDatabaseUrl } from '../../config.js'
import { PLATFORM_TIME_ZONE } from '../clock.js'
import { insertRows } from './bulk-insert.js'
import { appointmentKey, OWNED_TABLES, type OwnedBundle, REVIEW_COLUMNS, reviewRows } from './owned-rows.js'
import {
  type CatalogRefs,
  CONSULTANT_COLUMNS,
  type ConsultantBundle,
  consultantBundle,
  consultantEmail,
  CUSTOMER_COLUMNS,
  customerRow,
  MAX_VOLUME_INDEX,
  volumeDays,
  volumeIndex,
} from './generate.js'

export interface SeedVolumeOptions {
  /** Plain customer accounts: `customer.<n>@volume.seed.test` for n below this. */
  customers: number
  /** Consultants, each with its own account `consultant.<n>@volume.seed.test` and the rows it owns. */
  consultants: number
  /** The instant dates are relative to (contracts, licenses, appointments). */
  now?: Date
  /** Rows per INSERT statement. */
  batchSize?: number
  /** Accounts per transaction; a consultant is always written together with everything it owns. */
  chunkSize?: number
  onProgress?: (message: string) => void
}

export interface SeedVolumeResult {
  today: CalendarDate
  customers: { created: number; present: number }
  consultants: { created: number; present: number }
  /** Rows inserted per table. */
  rows: Record<string, number>
}

/** Consultants list after the scenario seed's consultants (whose Order_In_List is below this). */
const VOLUME_ORDER_OFFSET = 1000

/**
 * Fills the database with deterministic benchmark data over the raw mariadb driver (one connection, batched
 * multi-row INSERTs, one transaction per chunk). Re-runnable: rows are recognised by their e-mail, indexes already
 * present are skipped and only missing ones are added, so running again with the same counts inserts nothing and a
 * larger count tops up. A chunk is atomic, so an interrupted run leaves whole consultants behind, never half of one.
 * Volume rows keep the dates of the run that created them; nothing is updated or deleted.
 */
export async function seedVolume(url: string, options: SeedVolumeOptions): Promise<SeedVolumeResult> {
  for (const key of ['customers', 'consultants'] as const) {
    const count = options[key]
    if (!Number.isInteger(count) || count < 0 || count > MAX_VOLUME_INDEX) {
      throw new Error(`seedVolume: ${key} must be an integer from 0 to ${MAX_VOLUME_INDEX}, got ${count}`)
    }
  }
  const batchSize = options.batchSize ?? 2000
  const chunkSize = options.chunkSize ?? 5000
  const progress = options.onProgress ?? (() => {})
  const days = volumeDays(calendarDateIn(options.now ?? new Date(), PLATFORM_TIME_ZONE))
  const rows: Record<string, number> = {}
  const count = (table: string, n: number) => {
    rows[table] = (rows[table] ?? 0) + n
  }

  const conn = await createConnection({ ...parseDatabaseUrl(url), dateStrings: true })
  try {
    const presentCustomers = await volumeAccounts(conn, 'customer')
    const newCustomers = missingIndexes(options.customers, presentCustomers)
    for (const chunk of chunks(newCustomers, chunkSize)) {
      await inTransaction(conn, async () => {
        const customerRows = chunk.map((index) => customerRow(index, days))
        count('customers', await insertRows(conn, 'customers', CUSTOMER_COLUMNS, customerRows, batchSize))
      })
      progress(`customers: ${rows.customers ?? 0}/${newCustomers.length} added`)
    }

    const presentConsultants = await volumeAccounts(conn, 'consultant')
    const newConsultants = missingIndexes(options.consultants, presentConsultants)
    if (newConsultants.length > 0) {
      const customerIds = [...(await volumeAccounts(conn, 'customer')).entries()]
        .sort(([a], [b]) => a - b)
        .map(([, id]) => id)
      const catalog = await catalogRefs(conn)
      let added = 0
      // Smaller chunks than for customers: each consultant brings a dozen rows across seven tables.
      for (const chunk of chunks(newConsultants, Math.max(1, Math.floor(chunkSize / 5)))) {
        const bundles = chunk.map((j) => consultantBundle(j, days, catalog, customerIds, VOLUME_ORDER_OFFSET))
        await inTransaction(conn, () => insertConsultants(conn, bundles, batchSize, count))
        added += chunk.length
        progress(`consultants: ${added}/${newConsultants.length} added`)
      }
    }

    return {
      today: days.today,
      customers: { created: newCustomers.length, present: presentCustomers.size },
      consultants: { created: newConsultants.length, present: presentConsultants.size },
      rows,
    }
  } finally {
    await conn.end()
  }
}

async function insertConsultants(
  conn: Connection,
  bundles: readonly ConsultantBundle[],
  batchSize: number,
  count: (table: string, n: number) => void,
): Promise<void> {
  const insert = async (table: string, columns: readonly string[], rows: unknown[][]) =>
    count(table, await insertRows(conn, table, columns, rows, batchSize))

  await insert('customers', CUSTOMER_COLUMNS, bundles.map((bundle) => bundle.account))
  // Ids are read back by natural key: the auto-increment values of a multi-row INSERT need not be consecutive.
  const accountIds = await idMap<{ Customer_ID: number; Email: string }, string>(
    conn,
    'SELECT Customer_ID, Email FROM customers WHERE Email IN (?)',
    bundles.map((bundle) => consultantEmail(bundle.index)),
    (row) => [row.Email, row.Customer_ID],
  )
  const withAccount = bundles.map((bundle) => ({
    bundle,
    customerId: found(accountIds.get(consultantEmail(bundle.index)), `account of consultant ${bundle.index}`),
  }))

  const consultantRows = withAccount.map(({ bundle, customerId }) => [customerId, ...bundle.consultant])
  await insert('consultants', CONSULTANT_COLUMNS, consultantRows)
  const consultantIds = await idMap<{ Consultant_ID: number; Customer_ID: number }, number>(
    conn,
    'SELECT Consultant_ID, Customer_ID FROM consultants WHERE Customer_ID IN (?)',
    withAccount.map(({ customerId }) => customerId),
    (row) => [row.Customer_ID, row.Consultant_ID],
  )
  const owned: OwnedBundle[] = withAccount.map(({ bundle, customerId }) => ({
    bundle,
    customerId,
    consultantId: found(consultantIds.get(customerId), `consultant ${bundle.index}`),
  }))

  for (const { table, columns, rows } of OWNED_TABLES) await insert(table, columns, rows(owned))

  const reviewed = owned.filter(({ bundle }) => bundle.reviews.length > 0).map(({ consultantId }) => consultantId)
  type AppointmentRow = { Appointment_ID: number; Consultant_ID: number; Appointment_Date: string }
  const appointmentIds = await idMap<AppointmentRow, string>(
    conn,
    'SELECT Appointment_ID, Consultant_ID, Appointment_Date FROM appointments WHERE Consultant_ID IN (?)',
    reviewed,
    (row) => [appointmentKey(row.Consultant_ID, row.Appointment_Date), row.Appointment_ID],
  )
  await insert('reviews', REVIEW_COLUMNS, reviewRows(owned, appointmentIds))
}

/** Runs `sql` with `values` as its `IN (?)` list and maps each row to a key and an id. */
async function idMap<R, K extends string | number>(
  conn: Connection,
  sql: string,
  values: readonly unknown[],
  entry: (row: R) => [K, number],
): Promise<Map<K, number>> {
  if (values.length === 0) return new Map()
  const rows: R[] = await conn.query(sql, [values])
  return new Map(rows.map(entry))
}

function found(id: number | undefined, what: string): number {
  if (id === undefined) throw new Error(`volume seed: ${what} not found right after inserting it`)
  return id
}

/** Volume accounts of one kind already in the database: index -> Customer_ID. */
async function volumeAccounts(conn: Connection, kind: 'customer' | 'consultant'): Promise<Map<number, number>> {
  // A prefix LIKE, so the scan runs on the unique e-mail index.
  const found: Array<{ Customer_ID: number; Email: string }> = await conn.query(
    'SELECT Customer_ID, Email FROM customers WHERE Email LIKE ?',
    [`${kind}.%@volume.seed.test`],
  )
  const accounts = new Map<number, number>()
  for (const row of found) {
    const index = volumeIndex(row.Email, kind)
    if (index !== undefined) accounts.set(index, row.Customer_ID)
  }
  return accounts
}

/** Active categories (with their active service categories) and active branches the consultants are spread over. */
async function catalogRefs(conn: Connection): Promise<CatalogRefs> {
  const categories: Array<{ Category_ID: number }> = await conn.query(
    'SELECT Category_ID FROM consultations_categories WHERE Is_Active = 1 ORDER BY Order_In_List, Category_ID',
  )
  const services: Array<{ Service_Category_ID: number; Category_ID: number | null }> = await conn.query(
    'SELECT Service_Category_ID, Category_ID FROM services_categories WHERE Is_Active = 1 ORDER BY Service_Category_ID',
  )
  const branches: Array<{ Branch_ID: number }> = await conn.query(
    'SELECT Branch_ID FROM branches WHERE Is_Active = 1 ORDER BY Order_In_List, Branch_ID',
  )
  return {
    categories: categories.map(({ Category_ID }) => ({
      categoryId: Category_ID,
      serviceCategoryIds: services.filter((s) => s.Category_ID === Category_ID).map((s) => s.Service_Category_ID),
    })),
    branchIds: branches.map(({ Branch_ID }) => Branch_ID),
  }
}

async function inTransaction(conn: Connection, work: () => Promise<void>): Promise<void> {
  await conn.beginTransaction()
  try {
    await work()
    await conn.commit()
  } catch (error) {
    await conn.rollback()
    throw error
  }
}

function missingIndexes(total: number, present: ReadonlyMap<number, number>): number[] {
  const missing: number[] = []
  for (let index = 0; index < total; index += 1) if (!present.has(index)) missing.push(index)
  return missing
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size)
}
