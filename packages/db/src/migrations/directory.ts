import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MigrateError } from './errors.js'

export interface MigrationFile {
  /** The folder name, e.g. `0_init` or `20250101000000_add_refresh_tokens`. */
  name: string
  script: string
  /** Lower-case hex sha256 of the raw `migration.sql` bytes, as Prisma records it. */
  checksum: string
}

/** Reads `<dir>/*\/migration.sql` in folder-name order (plain code-unit order, as Prisma sorts them). */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  await assertMysqlLockfile(migrationsDir)
  const entries = await readdir(migrationsDir, { withFileTypes: true })
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return Promise.all(
    names.map(async (name) => {
      const path = join(migrationsDir, name, 'migration.sql')
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new MigrateError('MIGRATION_FILE', `Failed to read migration script at ${path}: ${error.code}`)
      })
      return { name, script: bytes.toString('utf8'), checksum: sha256Hex(bytes) }
    }),
  )
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Whether a recorded checksum belongs to this script, accepting the script with LF or CRLF line endings the
 * way Prisma does, because git may have converted them on checkout.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')]
  return variants.some((variant) => sha256Hex(variant) === checksum)
}

/** Prisma refuses migrations written for another provider; so do we, when the lockfile says so. */
async function assertMysqlLockfile(migrationsDir: string): Promise<void> {
  let lockfile: string
  try {
    lockfile = await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const line = lockfile.split('\n').find((candidate) => candidate.startsWith('provider'))
  const provider = line?.replace(/^provider\s*=\s*/, '').trim().replace(/^"|"$/g, '')
  if (provider !== 'mysql') {
    throw new MigrateError(
      'P3019',
      `The datasource provider \`mysql\` does not match \`${provider ?? '<PROVIDER NOT FOUND>'}\` in migration_lock.toml.`,
    )
  }
}
