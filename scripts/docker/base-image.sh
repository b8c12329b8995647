#!/usr/bin/env bash
# Builds a stand-in for the official `node:20-bookworm-slim` image and loads it into the Docker engine that
# DOCKER_HOST names, for machines that cannot reach Docker Hub (see PITFALLS, "Docker on this machine"), so that the
# repository's Dockerfiles build unchanged:
#   - a minimal Debian bookworm root (debootstrap --variant=minbase) from the Debian mirror apt uses here;
#   - this machine's Node 20 binary at /usr/local/bin/node, its npm package linked as npm and npx, and its headers
#     at /usr/local/include/node with `nodedir=/usr/local` in the image's npmrc (node-gyp cannot download them);
#   - the CA bundle named by NODE_EXTRA_CA_CERTS, kept outside /etc/ssl/certs (a Dockerfile that installs
#     ca-certificates rewrites that folder) with NODE_EXTRA_CA_CERTS pointing at the copy;
#   - a `node` user and group with uid/gid 1000, as in the official image.
# The debootstrap result is cached as a tarball (BASE_IMAGE_CACHE_DIR, default /var/tmp/cp-base-image): the first
# run takes about 40 s, later runs a few seconds. Needs root (debootstrap) and the `docker` client.
#
#   DOCKER_HOST=unix:///tmp/x/docker.sock bash scripts/docker/base-image.sh [tag]   # tag: node:20-bookworm-slim
set -euo pipefail

tag=${1:-node:20-bookworm-slim}
cache_dir=${BASE_IMAGE_CACHE_DIR:-/var/tmp/cp-base-image}
suite=bookworm

say() { printf 'base-image: %s\n' "$*"; }
die() { printf 'base-image: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, file ownership in the image)"
command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install -y debootstrap)"
command -v docker >/dev/null || die "the docker client is not installed"

# The mirror apt already uses for bookworm: deb822 .sources files first, then one-line sources.list entries.
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local file uri
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    # One stanza per blank-line-separated paragraph; URIs and Suites may come in either order.
    uri=$(awk -v suite="$suite" '
      function flush() { if (ok && uris != "") print uris; ok = 0; uris = "" }
      /^[ \t]*$/ { flush(); next }
      /^URIs:/ { uris = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) ok = 1 }
      END { flush() }' "$file" | head -n1)
    if [ -n "$uri" ]; then echo "$uri"; return; fi
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    uri=$(awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2; exit }' "$file")
    if [ -n "$uri" ]; then echo "$uri"; return; fi
  done
  echo http://deb.debian.org/debian
}

node_bin=$(readlink -f "$(command -v node)")
node_version=$("$node_bin" --version)
case "$node_version" in v20.*) ;; *) die "this machine's node is $node_version; the stand-in must be Node 20" ;; esac
node_prefix=$(dirname "$(dirname "$node_bin")")
npm_dir=$node_prefix/lib/node_modules/npm
[ -f "$npm_dir/bin/npm-cli.js" ] || npm_dir=$(npm root -g 2>/dev/null)/npm
[ -f "$npm_dir/bin/npm-cli.js" ] || die "cannot find this machine's npm package"
headers=$node_prefix/include/node
[ -f "$headers/node.h" ] || die "no Node headers at $headers"

mirror=$(debian_mirror)
rootfs_tar=$cache_dir/debian-$suite-minbase-$(printf '%s' "$mirror" | md5sum | cut -c1-8).tar
work=$(mktemp -d /tmp/cp-base-image.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root" "$cache_dir"

started=$SECONDS
if [ -f "$rootfs_tar" ]; then
  say "reusing the cached Debian $suite root $rootfs_tar"
else
  say "debootstrap --variant=minbase $suite from $mirror (about 40 s; cached afterwards)"
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
  # Like Debian's own slim images: no package lists, caches, docs, man pages or translations.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
    "$root"/var/log/*.log "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/usr/share/info/*
  cat >"$root/etc/dpkg/dpkg.cfg.d/slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
APT::Install-Recommends "false";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };
EOF
  tar -C "$root" --numeric-owner -cf "$rootfs_tar.partial" . && mv "$rootfs_tar.partial" "$rootfs_tar"
  rm -rf "$root" && mkdir "$root"
fi
tar -C "$root" --numeric-owner -xf "$rootfs_tar"

# Node, npm and the headers where the official image has them.
install -m 0755 "$node_bin" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules" "$root/usr/local/include" "$root/usr/local/etc"
cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
cp -a "$headers" "$root/usr/local/include/node"
printf 'nodedir=/usr/local\nfund=false\nupdate-notifier=false\n' >"$root/usr/local/etc/npmrc"

import_changes=(-c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["node"]')
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  mkdir -p "$root/usr/local/share/node-ca"
  install -m 0644 "$NODE_EXTRA_CA_CERTS" "$root/usr/local/share/node-ca/extra-ca-certs.pem"
  import_changes+=(-c 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/node-ca/extra-ca-certs.pem')
fi

# The `node` user of the official image: uid and gid 1000, home /home/node.
grep -q '^node:' "$root/etc/group" || echo 'node:x:1000:' >>"$root/etc/group"
grep -q '^node:' "$root/etc/passwd" || echo 'node:x:1000:1000::/home/node:/bin/bash' >>"$root/etc/passwd"
grep -q '^node:' "$root/etc/shadow" || echo 'node:*:19000:0:99999:7:::' >>"$root/etc/shadow"
mkdir -p "$root/home/node" && chown 1000:1000 "$root/home/node"

tar -C "$root" --numeric-owner -c . | docker import "${import_changes[@]}" - "$tag" >/dev/null
say "imported $tag (node $node_version, Debian $suite) in $((SECONDS - started)) s"
