#!/usr/bin/env bash
# Installs what Berth needs on a fresh Debian machine that has Node.js and npm:
# Debian packages, a pinned pnpm, and the workspace's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=12.4.2
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
[ -x /usr/bin/busybox ] || [ -x /bin/busybox ] || need+=(busybox-static)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The tests build a static raw-socket sniffer (an attacker's tool) with gcc.
command -v gcc >/dev/null 2>&1 && dpkg -s libc6-dev >/dev/null 2>&1 || need+=(gcc libc6-dev)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
# nats-server comes from Debian 13 (scripts/install-nats-server.sh), its package index unpacked with xz.
command -v xz >/dev/null 2>&1 || need+=(xz-utils)
# The agent unpacks fetched archives with tar and unzip.
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v tar >/dev/null 2>&1 || need+=(tar)
# berth's shell completion is checked in zsh as well as bash; `berth top` is driven in a terminal by util-linux's script.
command -v zsh >/dev/null 2>&1 || need+=(zsh)
command -v script >/dev/null 2>&1 || need+=(bsdutils)
# Strangers' tools the compatibility tests drive: Debian's Marathon client library (for Debian's Python).
dpkg -s python3-marathon >/dev/null 2>&1 || need+=(python3-marathon)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
bash scripts/install-nats-server.sh
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1
fi
pnpm install --frozen-lockfile --reporter=silent
