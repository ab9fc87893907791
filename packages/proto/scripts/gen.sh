#!/usr/bin/env bash
# Regenerates gen/ from proto/. Deterministic: the same .proto files give the same output.
# Usage: gen.sh [outdir]   (default: gen)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-gen}
mkdir -p "$out"
files=$(cd proto && find berth -name '*.proto' | LC_ALL=C sort)
(cd proto && ../node_modules/.bin/pbjs -t static-module -w es6 --no-delimited --no-verify --no-typeurl --force-number -p . $files) > "$out/berth.raw.js"
# Node's ESM loader needs the file extension: protobufjs has no exports map.
sed -e 's#import \* as \$protobuf from "protobufjs/minimal"#import \$protobuf from "protobufjs/minimal.js"#' "$out/berth.raw.js" > "$out/berth.js"
rm "$out/berth.raw.js"
node_modules/.bin/pbts --no-comments "$out/berth.js" | sed -e "/^import Long = require/d" > "$out/berth.d.ts"
