// `pnpm db:check`: compares the Prisma schema with the database in DATABASE_URL and prints the differences;
// `pnpm db:check --orphans` instead counts the rows whose declared relation points at nothing.
// Exit status: 0 no drift (no orphans), 1 drift (orphans), 2 the check could not run (usage, invalid schema, no connection).
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parseDbConfig } from '../config.js'
import { checkDrift, DriftCheckError, formatDriftReport } from '../drift/index.js'
import { checkOrphans, formatOrphanReport } from '../orphans/index.js'
import { type CliIo, processIo, runIfMain } from './main.js'

const DEFAULT_SCHEMA_PATH = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url))

const USAGE = `Usage: pnpm db:check [--orphans] [--schema <path>] [--json]

Compares the Prisma schema (default: prisma/schema.prisma) with the database in DATABASE_URL
(mysql://user:password@host:port/database; default mysql://root@127.0.0.1:3306/consultation, as for
db:apply and db:seed) and lists every difference.
  --orphans        instead, for every relation the schema declares, count the rows whose reference points at
                   nothing and name the first few (NULL, and 0 in an optional integer reference, mean "none")
  --schema <path>  a schema file, or a folder of .prisma files
  --json           print the report as JSON
Exit status: 0 no drift (no orphans), 1 drift (orphans), 2 the check could not run.`

export type CheckIo = CliIo

export async function runCheck(argv: string[], io: CheckIo): Promise<number> {
  let values: { schema?: string; json?: boolean; orphans?: boolean; help?: boolean }
  try {
    values = parseArgs({
      args: argv,
      options: {
        schema: { type: 'string' },
        json: { type: 'boolean' },
        orphans: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    io.stderr(`db:check: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    io.stdout(USAGE)
    return 0
  }
  let url: string
  try {
    // The same default as db:apply and db:seed (DbConfigSchema), so the three name one database.
    url = parseDbConfig(io.env).DATABASE_URL
  } catch (error) {
    io.stderr(`db:check: invalid DATABASE_URL: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }
  const schemaPath = values.schema ?? DEFAULT_SCHEMA_PATH
  try {
    if (values.orphans) {
      const report = await checkOrphans({ schemaPath, url })
      io.stdout(values.json ? JSON.stringify(report, null, 2) : formatOrphanReport(report))
      return report.hasOrphans ? 1 : 0
    }
    const report = await checkDrift({ schemaPath, url })
    io.stdout(values.json ? JSON.stringify(report, null, 2) : formatDriftReport(report))
    return report.hasDrift ? 1 : 0
  } catch (error) {
    if (!(error instanceof DriftCheckError)) throw error
    io.stderr(`db:check: ${error.message}`)
    return 2
  }
}

runIfMain(import.meta.url, 'db:check', () => runCheck(process.argv.slice(2), processIo()), 2)
