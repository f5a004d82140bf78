#!/usr/bin/env bash
# Runs every test:
#   1. the native core and CLI (unit, golden, property and command-line tests) and the
#      web app's state and routes, with cargo;
#   2. components compiled to WebAssembly and rendered in headless Chromium
#      (wasm-bindgen-test through chromedriver);
#   3. the release web app, built as it ships, in headless Chromium: end-to-end tests that
#      click through it and an axe-core accessibility audit (node's test runner).
# Installs what a fresh machine lacks (scripts/setup-web.sh). Needs ../shared/seeds beside
# the repository for the golden tests against the source specifications.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/seeds ]; then
  echo "test.sh: ../shared/seeds is missing; the golden tests read the source specifications from there" >&2
  exit 2
fi
# The tools first: the CLI tests load its completion scripts in zsh and fish.
scripts/setup-web.sh
cargo test --locked --all-targets
cargo test --locked --features prerender --lib
scripts/build-web.sh
export PATH="$HOME/.cargo/bin:$PATH" CHROMEDRIVER=/usr/bin/chromedriver
cargo test --locked --target wasm32-unknown-unknown --no-default-features --features web --test web_components
node --test tests/e2e/
