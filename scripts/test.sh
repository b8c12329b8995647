#!/usr/bin/env sh
# Runs every type check and every test of every package (through turbo), then prints one summary line.
# Needs a MySQL/MariaDB server at TEST_DATABASE_URL or DATABASE_URL (default mysql://root@127.0.0.1:3306):
# each test file creates and drops its own database there.
set -eu
cd "$(dirname "$0")/.."
. scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile
log=$(mktemp)
status=0
pnpm exec turbo run typecheck test --continue --concurrency=2 "$@" 2>&1 | tee "$log" || status=$?
node scripts/test-summary.mjs "$log" || status=1
rm -f "$log"
exit "$status"
