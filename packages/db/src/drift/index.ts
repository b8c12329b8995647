import { compareSchemas } from './compare.js'
import { loadExpectedSchema, type SchemaSource } from './datamodel.js'
import { DriftCheckError } from './errors.js'
import { connectForDriftCheck, readLiveSchema } from './live-schema.js'
import type { DriftReport, LiveSchema } from './types.js'

export type CheckDriftOptions = SchemaSource & {
  /** `mysql://user:password@host:port/database`; the database in the URL is the one checked. */
  url: string
}

/**
 * Compares the Prisma schema with a live MySQL or MariaDB database through information_schema, without
 * Prisma's schema engine. Throws {@link DriftCheckError} when it cannot run; drift is in the report.
 */
export async function checkDrift(options: CheckDriftOptions): Promise<DriftReport> {
  // The schema first: a broken schema is worth reporting even when the database is down.
  const expected = await loadExpectedSchema(options)
  const connection = await connectForDriftCheck(options.url)
  let live: LiveSchema
  try {
    live = await readLiveSchema(connection)
  } catch (error) {
    if (error instanceof DriftCheckError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new DriftCheckError('connection', `cannot read information_schema: ${reason}`, { cause: error })
  } finally {
    // A connection that broke mid-read may fail to close; the read error is the one worth reporting.
    await connection.end().catch(() => undefined)
  }
  return compareSchemas(expected, live)
}

export { compareSchemas } from './compare.js'
export { loadExpectedSchema, type SchemaSource } from './datamodel.js'
export { DriftCheckError } from './errors.js'
export { formatDriftReport } from './format.js'
export { readLiveSchema } from './live-schema.js'
export type { DriftIssue, DriftIssueKind, DriftReport, ExpectedSchema, LiveSchema } from './types.js'
