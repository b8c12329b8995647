#!/usr/bin/env bash
# CI step: builds the four images (auth, consultants, catalog, migrate) on a private Docker engine and runs each one
# alone against the local MariaDB. Prints a PASS or FAIL line per check and exits 1 if any failed; when the engine
# cannot run here (no dockerd, debootstrap or root, or dockerd does not start) it prints SKIP with the reason and
# exits 0.
#
#   bash scripts/docker/ci-images.sh
#
# Rules of these machines (PITFALLS, "Docker on this machine"): the engine runs only with --bridge=none and
# --iptables=false, on a data root, exec root and socket of its own under a temporary folder (never the default
# socket), and every build and container uses --network host, so all traffic stays on loopback. Docker Hub cannot be
# reached: scripts/docker/base-image.sh makes the `node:20-bookworm-slim` the Dockerfiles start from.
#
# Environment (all optional): CI_IMAGES_DB_HOST / CI_IMAGES_DB_PORT / CI_IMAGES_DB_USER (127.0.0.1, 3306, root; no
# password), BASE_IMAGE_CACHE_DIR (see base-image.sh). Everything started is stopped at exit, the database dropped.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
db_host=${CI_IMAGES_DB_HOST:-127.0.0.1}
db_port=${CI_IMAGES_DB_PORT:-3306}
db_user=${CI_IMAGES_DB_USER:-root}
database=ci_images_$$
started_at=$SECONDS
passed=0
failed=0

say() { printf 'ci-images: %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'PASS %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
skip() { printf 'SKIP images: %s; the image step is skipped\n' "$*"; exit 0; }
# Ends the run at a failure that later checks depend on (the cleanup trap still runs).
fatal() { fail "$*"; finish; }
finish() {
  say "$passed passed, $failed failed in $((SECONDS - started_at)) s"
  [ "$failed" -eq 0 ] && exit 0 || exit 1
}

[ "$(id -u)" = 0 ] || skip "dockerd and debootstrap need root and this runs as $(id -un)"
for tool in dockerd docker debootstrap curl openssl node; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (apt-get install -y docker-compose debootstrap brings dockerd and debootstrap)"
done

work=$(mktemp -d /tmp/ci-images.XXXXXX)
dockerd_pid=""
containers=()
database_created=false

cleanup() {
  local code=$?
  set +e
  for name in "${containers[@]}"; do docker rm -f "$name" >/dev/null 2>&1; done
  if [ "$database_created" = true ]; then
    run_sql "DROP DATABASE IF EXISTS \`$database\`" >/dev/null 2>&1 && say "dropped database $database"
  fi
  local pid=${dockerd_pid:-}
  [ -s "$work/docker.pid" ] && pid=$(cat "$work/docker.pid")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null; sleep 1; fi
    say "stopped dockerd (pid $pid)"
  fi
  # A killed engine can leave its overlay and namespace mounts behind; never delete through a mount.
  grep -o " $work[^ ]*" /proc/mounts 2>/dev/null | sort -r | while read -r mount; do umount -l "$mount"; done
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------
# The engine
# ---------------------------------------------------------------------------------------------------------------
export DOCKER_HOST=unix://$work/docker.sock
export DOCKER_CONFIG=$work/client DOCKER_BUILDKIT=0
unset DOCKER_CONTEXT
mkdir -p "$work/data" "$work/exec" "$work/client"
phase=$SECONDS
dockerd --bridge=none --iptables=false --data-root "$work/data" --exec-root "$work/exec" \
  -H "unix://$work/docker.sock" --pidfile "$work/docker.pid" >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 1 60); do
  docker version >/dev/null 2>&1 && break
  kill -0 "$dockerd_pid" 2>/dev/null || break
  sleep 0.5
done
if ! docker version >/dev/null 2>&1; then
  reason=$(grep -iE 'level=(fatal|error)' "$work/dockerd.log" | tail -n 1 | sed 's/.*msg="\{0,1\}//; s/"$//')
  kill -0 "$dockerd_pid" 2>/dev/null && how="did not answer within 30 s" || how="exited"
  skip "dockerd $how (${reason:-its log names no error})"
fi
pass "engine: dockerd $(docker version -f '{{.Server.Version}}') on $DOCKER_HOST, no bridge, host network only ($((SECONDS - phase)) s)"

# ---------------------------------------------------------------------------------------------------------------
# Images
# ---------------------------------------------------------------------------------------------------------------
image_size() { docker image inspect -f '{{.Size}}' "$1" | awk '{ printf "%.0f MB", $1 / 1e6 }'; }
version_of() { node -p "require('$repo/$1/package.json').version"; }

phase=$SECONDS
if bash "$repo/scripts/docker/base-image.sh" node:20-bookworm-slim >"$work/base-image.log" 2>&1; then
  pass "base image: node:20-bookworm-slim, $(image_size node:20-bookworm-slim) ($((SECONDS - phase)) s)"
else
  tail -n 20 "$work/base-image.log"
  fatal "base image: scripts/docker/base-image.sh failed (log above)"
fi

declare -A dockerfile=([auth]=apps/auth/Dockerfile [consultants]=apps/consultants/Dockerfile
  [catalog]=apps/catalog/Dockerfile [migrate]=prisma/Dockerfile)
declare -A version=([auth]=$(version_of apps/auth) [consultants]=$(version_of apps/consultants)
  [catalog]=$(version_of apps/catalog) [migrate]=$(version_of packages/db))
images=(auth consultants catalog migrate)
for name in "${images[@]}"; do
  phase=$SECONDS
  tag=consultation/$name:${version[$name]}
  if docker build --network host -f "$repo/${dockerfile[$name]}" -t "$tag" "$repo" >"$work/build-$name.log" 2>&1; then
    pass "build $tag from ${dockerfile[$name]}: $(image_size "$tag") ($((SECONDS - phase)) s)"
  else
    tail -n 30 "$work/build-$name.log"
    fatal "build $tag from ${dockerfile[$name]} (log above)"
  fi
done

# Production dependencies only: none of the workspace's build and test tools made it into a service image.
for name in auth consultants catalog; do
  tag=consultation/$name:${version[$name]}
  user=$(docker image inspect -f '{{.Config.User}}' "$tag")
  tools=$(docker run --rm --network host --entrypoint sh "$tag" -c \
    'ls node_modules/.pnpm | grep -E "^(typescript|tsx|tap|prisma|turbo|@prisma\+studio-core)@" || true')
  if [ "$user" = node ] && [ -z "$tools" ]; then
    pass "$name image: runs as user node, no build or test tools in node_modules"
  else
    fail "$name image: user '$user', tools found: ${tools:-none}"
  fi
done

# ---------------------------------------------------------------------------------------------------------------
# The migrate image on a fresh database
# ---------------------------------------------------------------------------------------------------------------
mysql_client=$(command -v mariadb || command -v mysql || true)
run_sql() {
  if [ -n "$mysql_client" ]; then
    "$mysql_client" --protocol=tcp -h "$db_host" -P "$db_port" -u "$db_user" -e "$1"
  else
    # No client on this machine: the migrate image's own driver runs the statement.
    docker run --rm --network host --entrypoint node "consultation/migrate:${version[migrate]}" --input-type=module -e \
      "const m = await import('mariadb'); const c = await m.createConnection({ host: process.argv[1], port: +process.argv[2], user: process.argv[3] }); await c.query(process.argv[4]); await c.end()" \
      "$db_host" "$db_port" "$db_user" "$1"
  fi
}
database_url=mysql://$db_user@$db_host:$db_port/$database
database_created=true
migrate_tag=consultation/migrate:${version[migrate]}
phase=$SECONDS
if docker run --rm --network host -e DATABASE_URL="$database_url" "$migrate_tag" >"$work/migrate.log" 2>&1; then
  pass "migrate: prisma migrate deploy and the seed on $database ($((SECONDS - phase)) s)"
elif grep -qE "binaries\.prisma\.sh|Can't write to .*@prisma/engines" "$work/migrate.log"; then
  say "NOTE migrate: 'prisma migrate deploy' (the image's default command) cannot run on this machine: the image was"
  say "  built without access to binaries.prisma.sh, so Prisma's schema engine is missing (the CLI said: $(grep -m1 '^Error:' "$work/migrate.log" | cut -c1-160))."
  say "  Expected offline. Proving the image with its documented fallback instead: the same image's 'apply' command."
  phase=$SECONDS
  if docker run --rm --network host -e DATABASE_URL="$database_url" "$migrate_tag" apply >"$work/migrate.log" 2>&1; then
    pass "migrate: 'apply' (our applier, _prisma_migrations as the CLI writes it) and the seed on $database ($((SECONDS - phase)) s)"
  else
    tail -n 30 "$work/migrate.log"
    fatal "migrate: the image's 'apply' command failed (log above)"
  fi
else
  tail -n 30 "$work/migrate.log"
  fatal "migrate: prisma migrate deploy failed for another reason than the engine download (log above)"
fi
grep -q '^Scenarios in ' "$work/migrate.log" || fail "migrate: the seed printed no scenario tally"

# ---------------------------------------------------------------------------------------------------------------
# Each service image alone
# ---------------------------------------------------------------------------------------------------------------
free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })"
}
# GET url → writes the body to $work/body, prints the status code.
http_get() { curl -s -o "$work/body" -w '%{http_code}' --max-time 10 "$1" || echo 000; }
json() { node -e "const b = JSON.parse(require('fs').readFileSync('$work/body', 'utf8')); console.log($1)"; }

# Starts a service container; its environment is passed by name (-e NAME), so values such as keys never appear on a
# command line. The health check is probed every 2 s instead of the image's 10 s so that CI waits less.
start_service() {
  local name=$1 port=$2
  shift 2
  local container=ci-images-$$-$name
  containers+=("$container")
  # Host networking: a free metrics port too, so nothing else on this machine can hold the image's default.
  docker run -d --name "$container" --network host --health-interval 2s -e PORT="$port" -e METRICS_PORT="$(free_port)" \
    -e DATABASE_URL="$database_url" "$@" "consultation/$name:${version[$name]}" >/dev/null
}

# Checks readiness (200 with the package version), the image's HEALTHCHECK and that the server runs as uid 1000.
check_running() {
  local name=$1 port=$2 container=ci-images-$$-$1 code="" status="" deadline
  deadline=$((SECONDS + 60))
  while [ $SECONDS -lt $deadline ]; do
    code=$(http_get "http://127.0.0.1:$port/health/ready")
    [ "$code" = 200 ] && break
    [ "$(docker inspect -f '{{.State.Running}}' "$container")" = true ] || break
    sleep 1
  done
  if [ "$code" != 200 ]; then
    docker logs --tail 30 "$container" 2>&1
    fatal "$name: /health/ready answered ${code} (container log above)"
  fi
  local reported
  reported=$(json 'b.version')
  if [ "$reported" = "${version[$name]}" ]; then
    pass "$name: /health/ready 200 on port $port, version $reported as in its package.json"
  else
    fail "$name: /health/ready reports version '$reported', package.json says ${version[$name]}"
  fi
  deadline=$((SECONDS + 40))
  while [ $SECONDS -lt $deadline ]; do
    status=$(docker inspect -f '{{.State.Health.Status}}' "$container")
    [ "$status" = healthy ] && break
    sleep 1
  done
  local probe
  probe=$(docker inspect -f '{{join .Config.Healthcheck.Test " "}}' "$container")
  if [ "$status" = healthy ] && [[ "$probe" == *"/health/ready"* ]]; then
    pass "$name: docker HEALTHCHECK (GET /health/ready with node's fetch) reports healthy"
  else
    fail "$name: docker health status '$status', probe '$probe'"
  fi
  local uid
  uid=$(docker exec "$container" cat /proc/1/status | awk '/^Uid:/ { print $2 }')
  if [ "$uid" = 1000 ]; then pass "$name: the server (PID 1) runs as uid 1000"; else fail "$name: PID 1 runs as uid $uid"; fi
}

# docker stop sends SIGTERM to PID 1: the server must drain, log "server stopped" and exit 0 before the grace ends.
check_stop() {
  local name=$1 container=ci-images-$$-$1 phase=$SECONDS
  docker stop -t 20 "$container" >/dev/null
  local exit_code
  exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$container")
  docker logs "$container" >"$work/$name.log" 2>&1
  if [ "$exit_code" = 0 ] && grep -q '"signal":"SIGTERM"' "$work/$name.log" && grep -q '"msg":"server stopped"' "$work/$name.log"; then
    pass "$name: docker stop → SIGTERM handled, \"server stopped\" logged, exit code 0 ($((SECONDS - phase)) s)"
  else
    tail -n 10 "$work/$name.log"
    fail "$name: after docker stop exit code $exit_code (log above)"
  fi
}

# auth in production mode needs real secrets: throwaway ones, made now, never written to disk or printed.
AUTH_SIGNING_KEY=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null)
AUTH_OTP_PEPPER=$(openssl rand -base64 48)
AUTH_WEBHOOK_SECRET=$(openssl rand -base64 48)
export AUTH_SIGNING_KEY AUTH_OTP_PEPPER AUTH_WEBHOOK_SECRET
auth_port=$(free_port)
auth_issuer=http://127.0.0.1:$auth_port/v1/auth
start_service auth "$auth_port" -e AUTH_SIGNING_KEY -e AUTH_OTP_PEPPER -e AUTH_WEBHOOK_SECRET \
  -e AUTH_ISSUER="$auth_issuer" -e AUTH_CODE_SENDER=webhook -e AUTH_WEBHOOK_URL=http://127.0.0.1:9/relay
check_running auth "$auth_port"
code=$(http_get "http://127.0.0.1:$auth_port/v1/auth/.well-known/jwks.json")
if [ "$code" = 200 ] && [ "$(json "b.keys.length > 0 && b.keys.every((k) => k.kty === 'EC' && !('d' in k))")" = true ]; then
  pass "auth: GET /v1/auth/.well-known/jwks.json 200 with $(json 'b.keys.length') public EC key(s)"
else
  fail "auth: GET /v1/auth/.well-known/jwks.json answered $code: $(head -c 300 "$work/body")"
fi

consultants_port=$(free_port)
start_service consultants "$consultants_port" -e AUTH_ISSUER="$auth_issuer" \
  -e AUTH_JWKS_URL="http://127.0.0.1:$auth_port/v1/auth/.well-known/jwks.json"
check_running consultants "$consultants_port"
code=$(http_get "http://127.0.0.1:$consultants_port/v1/consultants")
if [ "$code" = 200 ] && [ "$(json 'Array.isArray(b.items) && b.items.length > 0')" = true ]; then
  pass "consultants: GET /v1/consultants 200 with $(json 'b.items.length') seeded consultants"
else
  fail "consultants: GET /v1/consultants answered $code: $(head -c 300 "$work/body")"
fi
check_stop consultants

catalog_port=$(free_port)
start_service catalog "$catalog_port"
check_running catalog "$catalog_port"
code=$(http_get "http://127.0.0.1:$catalog_port/v1/catalog/consultation-categories")
if [ "$code" = 200 ] && [ "$(json 'Array.isArray(b.items) && b.items.length > 0 && b.items.every((c) => c.name)')" = true ]; then
  pass "catalog: GET /v1/catalog/consultation-categories 200 with $(json 'b.items.length') categories"
else
  fail "catalog: GET /v1/catalog/consultation-categories answered $code: $(head -c 300 "$work/body")"
fi
check_stop catalog
check_stop auth

say "image sizes (docker image ls):"
for name in "${images[@]}"; do printf '  %-34s %s\n' "consultation/$name:${version[$name]}" "$(image_size "consultation/$name:${version[$name]}")"; done
printf '  %-34s %s\n' node:20-bookworm-slim "$(image_size node:20-bookworm-slim) (the stand-in base)"
finish
