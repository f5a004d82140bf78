#!/usr/bin/env bash
# What the web app's wasm spends its bytes on: twiggy's largest items (default 20), on the
# wasm as wasm-bindgen writes it, before wasm-opt (which drops the names the report needs;
# it shrinks the whole by about a fifth). Installs twiggy once.  scripts/wasm-size.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v twiggy > /dev/null || cargo install twiggy --locked
cargo build --locked --quiet --release --target wasm32-unknown-unknown --no-default-features --features web --bin app
out=$(mktemp -d)
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/release/app.wasm
twiggy top -n "${1:-20}" "$out/app_bg.wasm"
rm -rf "$out"
