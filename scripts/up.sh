#!/usr/bin/env sh
# Sets up a local machine and starts the whole system: installs dependencies, generates the Prisma client,
# builds every package, creates and migrates the database named in DATABASE_URL, seeds it, and starts every
# service (auth :3001, consultants :3002, catalog :3003) in the foreground, behind the reverse proxy (nginx with
# deploy/nginx/nginx.conf, on PROXY_PORT, default 8080) where nginx is installed. Ctrl-C stops them all.
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

# The one entry point: the same nginx.conf as compose and the end-to-end tests, with this machine's upstreams.
proxy_port="${PROXY_PORT:-8080}"
nginx_bin=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
if [ -n "$nginx_bin" ]; then
  run_dir="$PWD/.run/nginx"
  mkdir -p "$run_dir"
  cp deploy/nginx/nginx.conf "$run_dir/nginx.conf"
  PROXY_PORT="$proxy_port" AUTH_UPSTREAMS=127.0.0.1:3001 CONSULTANTS_UPSTREAMS=127.0.0.1:3002 \
    CATALOG_UPSTREAMS=127.0.0.1:3003 sh deploy/nginx/render-upstreams.sh "$run_dir"
  "$nginx_bin" -p "$run_dir" -c "$run_dir/nginx.conf" -e stderr -g "daemon off; pid $run_dir/nginx.pid;" &
  proxy_pid=$!
  trap 'kill "$proxy_pid" 2>/dev/null || true' EXIT INT TERM
  echo "› the entry point: http://localhost:$proxy_port (API under /v1/<service>, API reference at /docs)"
else
  echo "› nginx is not installed, so the services start without the proxy, each on its own port (3001-3003)."
  echo "  Install it for the single entry point: sudo apt-get install nginx (Debian, Ubuntu) or brew install nginx."
fi
# --only: the build above already generated the client and built everything start depends on.
pnpm exec turbo run start --filter='./apps/*' --only --concurrency=10
