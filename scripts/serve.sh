#!/usr/bin/env bash
# Builds the release web app and serves it on http://127.0.0.1:${PORT:-8080}/.
# Installs, once, what a fresh machine lacks: the wasm32 target, trunk, the wasm-bindgen-cli
# matching Cargo.lock, and binaryen's wasm-opt (from npm). Trunk downloads nothing itself.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-web.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --locked
trunk build --release --offline
echo "Serving on http://127.0.0.1:${PORT:-8080}/"
exec python3 -m http.server "${PORT:-8080}" --bind 127.0.0.1 --directory dist
