#!/usr/bin/env bash
# Installs nats-server 2.10 from Debian 13 (trixie) when the machine has none
# or an older one (Debian 12 ships 2.9.10, whose replicated streams went back
# after two of three servers failed together: docs/reliability.md, finding (b)).
# The package is checked the way apt checks it: trixie's signed InRelease
# (Debian's archive keyring), then the package index's hash, then the .deb's.
set -euo pipefail
version="$(nats-server --version 2>/dev/null | sed -n 's/^nats-server: v//p' || true)"
case "$version" in
  2.1[0-9].* | 2.[2-9][0-9].* | [3-9].*) exit 0 ;;
esac
echo "installing nats-server 2.10 from Debian 13 (trixie)${version:+ (found $version)}"
archive=http://deb.debian.org/debian
arch="$(dpkg --print-architecture)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
curl -fsSL -o "$tmp/InRelease" "$archive/dists/trixie/InRelease"
gpgv --quiet --output "$tmp/Release" --keyring /usr/share/keyrings/debian-archive-keyring.gpg "$tmp/InRelease" 2>/dev/null
index="main/binary-$arch/Packages.xz"
index_sha="$(awk -v f="$index" '$3 == f && length($1) == 64 { print $1; exit }' "$tmp/Release")"
[ -n "$index_sha" ] || { echo "trixie's Release lists no $index" >&2; exit 1; }
curl -fsSL -o "$tmp/Packages.xz" "$archive/dists/trixie/$index"
echo "$index_sha  $tmp/Packages.xz" | sha256sum --check --quiet
read -r file deb_sha < <(xz -dc "$tmp/Packages.xz" | awk '
  /^Package: / { p = ($2 == "nats-server") }
  p && /^Filename: / { f = $2 }
  p && /^SHA256: / { s = $2 }
  /^$/ && f && s { print f, s; exit }')
[ -n "${file:-}" ] || { echo "trixie has no nats-server package" >&2; exit 1; }
curl -fsSL -o "$tmp/nats-server.deb" "$archive/$file"
echo "$deb_sha  $tmp/nats-server.deb" | sha256sum --check --quiet
export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
# Its dependencies (libc6, adduser) come from the machine's own suite.
apt-get install -y -qq "$tmp/nats-server.deb" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tmp/nats-server.deb" >/dev/null; }
nats-server --version
