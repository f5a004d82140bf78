#!/usr/bin/env bash
# Runs every test: `cargo xtask test` (xtask/src/main.rs lists the steps):
#   1. the native core and CLI (unit, golden, property and command-line tests) and the
#      web app's state and routes, with cargo;
#   2. the release web app built as it ships (installing what a fresh machine lacks,
#      scripts/setup-web.sh), then its components compiled to WebAssembly and rendered in
#      headless Chromium (wasm-bindgen-test through chromedriver);
#   3. end-to-end tests that click through the built app and an axe-core accessibility
#      audit, in headless Chromium (node's test runner).
# Needs ../shared/seeds beside the repository for the golden tests against the source
# specifications.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo xtask test
