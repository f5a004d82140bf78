#!/usr/bin/env bash
# Builds the release web app into dist/ (installing the tools once) and adds its
# Content Security Policy.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-web.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --locked
trunk build --release --offline
python3 scripts/csp.py dist/index.html
