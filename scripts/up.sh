#!/usr/bin/env sh
# Sets up a local machine and starts the whole system: installs dependencies, generates the Prisma client,
# builds every package, creates and migrates the database named in DATABASE_URL, seeds it, and starts every
# service (auth :3001, consultants :3002, catalog :3003) in the foreground. Ctrl-C stops them all.
set -eu
cd "$(dirname "$0")/.."
. scripts/ensure-pnpm.sh
export DATABASE_URL="${DATABASE_URL:-mysql://root@127.0.0.1:3306/consultation}"
# The consultants service verifies access tokens with the keys the local auth service publishes.
export AUTH_ISSUER="${AUTH_ISSUER:-http://localhost:3001}"
export AUTH_JWKS_URL="${AUTH_JWKS_URL:-http://127.0.0.1:3001/v1/auth/.well-known/jwks.json}"
pnpm install --frozen-lockfile
pnpm exec turbo run build
pnpm db:apply
pnpm db:seed
exec pnpm exec turbo run start --filter='./apps/*' --concurrency=10
