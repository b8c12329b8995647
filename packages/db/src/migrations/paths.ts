import { fileURLToPath } from 'node:url'

/** The repository's `prisma/migrations`, found relative to this file (same depth under src/ and dist/). */
export const repoMigrationsDir = fileURLToPath(new URL('../../../../prisma/migrations/', import.meta.url))
