#!/usr/bin/env bash
# Installs the web build and browser-test tools, skipping each one already present at the
# right version: the wasm32 target, trunk, the wasm-bindgen-cli matching Cargo.lock,
# binaryen's wasm-opt, playwright-core and axe-core (npm), and Debian's Chromium, zsh and
# fish.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# The tools are built with the release profile but without link-time optimisation and with
# parallel code generation: they run for seconds, and this halves their first-run compile.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=2
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
[ "$(trunk --version 2>/dev/null)" = "trunk 0.21.14" ] || cargo install trunk --version 0.21.14 --locked
[ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $bindgen" ] || cargo install wasm-bindgen-cli --version "$bindgen"
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund --silent
fi
# Debian's packages: Chromium for the browser tests, zsh and fish for the tests that load
# the CLI's completion scripts in each shell.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
command -v zsh > /dev/null || missing+=(zsh)
command -v fish > /dev/null || missing+=(fish)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi
