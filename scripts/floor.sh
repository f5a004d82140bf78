#!/usr/bin/env bash
# The floor: builds floor/ (one Yew 0.23 function component, hydrated; the app's release
# profile, wasm-bindgen and wasm-opt -Oz through Trunk) and prints its wasm and glue raw,
# gzip 9 and brotli 11, as compress.mjs writes them. Not part of CI.  scripts/floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
(cd floor && trunk build --release --offline > /dev/null 2>&1)
node --input-type=module -e '
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
for (const f of readdirSync("floor/dist").filter((f) => /\.(wasm|js)$/.test(f))) {
  const b = readFileSync(`floor/dist/${f}`);
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } });
  console.log(`${f}: ${b.length} B raw, ${gzipSync(b, { level: 9 }).length} B gzip, ${br.length} B brotli`);
}'
