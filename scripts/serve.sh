#!/usr/bin/env bash
# Builds the release web app and serves it on http://127.0.0.1:${PORT:-8080}/, as a host
# should: precompressed copies and the README's cache headers (scripts/serve.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-web.sh
exec node scripts/serve.mjs
