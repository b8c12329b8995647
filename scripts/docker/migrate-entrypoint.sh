#!/bin/sh
# Entry point of the migrate image (prisma/Dockerfile), run from its /app folder:
#   deploy (default)  `prisma migrate deploy` with the real Prisma CLI and prisma.config.ts
#   apply             @cp/db's applier (what `pnpm db:apply` runs): the same migrations, recorded in
#                     _prisma_migrations exactly as the CLI records them (checksums, lock, order), so the CLI accepts
#                     the database later; it needs no schema engine, for networks that cannot reach binaries.prisma.sh
# Then the demo scenarios are seeded (idempotent) unless SEED=false: set it in production.
set -eu
case "${1:-deploy}" in
  deploy)
    if ! node node_modules/prisma/build/index.js migrate deploy; then
      echo "migrate: prisma migrate deploy failed. If the error above is about the schema engine (a download from" >&2
      echo "binaries.prisma.sh, or \"Can't write to .../@prisma/engines\"), this image was built without access to that" >&2
      echo "host: run it with the 'apply' command instead, or rebuild it where binaries.prisma.sh is reachable." >&2
      exit 1
    fi
    ;;
  apply) node dist/cli/apply.js --dir prisma/migrations ;;
  *)
    echo "usage: [deploy | apply]   (DATABASE_URL names the database; SEED=false skips the seed)" >&2
    exit 2
    ;;
esac
if [ "${SEED:-true}" = false ]; then
  echo "migrate: SEED=false, not seeding"
  exit 0
fi
exec node dist/cli/seed.js
