#!/usr/bin/env bash
# Fails when the committed gen/ does not match what proto/ generates.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash scripts/gen.sh "$tmp/gen"
if ! diff -r gen "$tmp/gen" >/dev/null; then
  echo "packages/proto/gen is stale: run 'pnpm proto:gen' and commit the result" >&2
  diff -r gen "$tmp/gen" | head -20 >&2
  exit 1
fi
echo "proto: generated code is current"
# A change that breaks the wire with the last release fails here (rules in wire-compat.mjs).
node scripts/wire-compat.mjs
