import { defineConfig } from 'prisma/config'

// Prisma 7 no longer loads .env files and `env()` throws when a variable is unset, which would break
// `prisma generate` on machines without a database: read the environment directly with empty fallbacks.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx --conditions=development prisma/seed.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? '',
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL ?? '',
  },
})
