#!/usr/bin/env bash
# Builds the release web app into dist/ (installing the tools once), pre-renders its
# pages, has them load the app after their first paint, adds their Content Security
# Policy, writes the service worker that keeps them for offline use, and precompresses
# every text asset (.gz, .br).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-web.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --locked
trunk build --release --offline
cargo run --locked --quiet --no-default-features --features prerender --bin prerender -- dist
find dist -name '*.html' -print0 | xargs -0 python3 scripts/paint_first.py
find dist -name '*.html' -print0 | xargs -0 python3 scripts/csp.py
python3 scripts/offline.py dist
node scripts/compress.mjs dist
