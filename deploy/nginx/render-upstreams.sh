#!/bin/sh
# Writes what differs between deployments of the proxy next to nginx.conf: listen.conf (the port) and
# upstreams.conf (the instances of each service). nginx.conf itself is never changed.
#
#   PROXY_PORT=8080 \
#   AUTH_UPSTREAMS="auth-1:3001 auth-2:3001" CONSULTANTS_UPSTREAMS="consultants:3002" CATALOG_UPSTREAMS="catalog:3003" \
#     sh deploy/nginx/render-upstreams.sh <directory of nginx.conf>
#
# Lists are host:port separated by spaces or commas. A host name that resolves to several addresses (a Docker
# service with replicas) counts as all of them. In the official nginx image this file runs from
# /docker-entrypoint.d/ before nginx starts; there the directory defaults to /etc/nginx.
set -eu

dir="${1:-${NGINX_CONF_DIR:-/etc/nginx}}"
port="${PROXY_PORT:-8080}"

fail() {
  echo "render-upstreams: $*" >&2
  exit 1
}

case "$port" in
  '' | *[!0-9]*) fail "PROXY_PORT must be a port number, got '$port'" ;;
esac
[ "$port" -ge 1 ] && [ "$port" -le 65535 ] || fail "PROXY_PORT must be between 1 and 65535, got $port"

# An instance that fails is left out for 10 s (passive health check: one failed attempt marks it down); the
# zone shares that knowledge between nginx's workers, and idle connections are kept open for reuse.
upstream_block() {
  name=$1
  list=$2
  [ -n "$(echo "$list" | tr ',' ' ' | tr -d ' ')" ] || fail "no instances given for $name (set $(echo "$name" | tr a-z A-Z)_UPSTREAMS)"
  echo "upstream $name {"
  echo "    zone $name 64k;"
  for server in $(echo "$list" | tr ',' ' '); do
    case "$server" in
      *[!A-Za-z0-9.:_\[\]-]* | :* | *:) fail "not a host:port for $name: '$server'" ;;
      *:*) ;;
      *) fail "not a host:port for $name: '$server'" ;;
    esac
    echo "    server $server max_fails=1 fail_timeout=10s;"
  done
  echo "    keepalive 32;"
  echo "}"
}

auth=$(upstream_block auth "${AUTH_UPSTREAMS:-127.0.0.1:3001}")
consultants=$(upstream_block consultants "${CONSULTANTS_UPSTREAMS:-127.0.0.1:3002}")
catalog=$(upstream_block catalog "${CATALOG_UPSTREAMS:-127.0.0.1:3003}")

mkdir -p "$dir"
printf '# Written by render-upstreams.sh; do not edit.\n%s\n%s\n%s\n' "$auth" "$consultants" "$catalog" >"$dir/upstreams.conf"
printf '# Written by render-upstreams.sh; do not edit.\nlisten %s;\n' "$port" >"$dir/listen.conf"
echo "render-upstreams: port $port; auth: ${AUTH_UPSTREAMS:-127.0.0.1:3001}; consultants: ${CONSULTANTS_UPSTREAMS:-127.0.0.1:3002}; catalog: ${CATALOG_UPSTREAMS:-127.0.0.1:3003}"
