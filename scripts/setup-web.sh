#!/usr/bin/env bash
# Installs the web build tools, skipping each one already present at the right version.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
[ "$(trunk --version 2>/dev/null)" = "trunk 0.21.14" ] || cargo install trunk --version 0.21.14 --locked
[ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $bindgen" ] || cargo install wasm-bindgen-cli --version "$bindgen"
[ -x node_modules/.bin/wasm-opt ] || npm install --no-audit --no-fund --silent
