#!/usr/bin/env bash
# Page weights (bytes on the wire, first visit and later pages) of a running Renda on loopback, with Debian's
# chromium driven by playwright-core (installed into /tmp on first use). See bench/page-weight.js.
#   bench/page-weight.sh http://127.0.0.1:8080 after
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
LABEL=${2:-run}
PW_DIR=${PW_DIR:-/tmp/renda-playwright}
if [ ! -d "$PW_DIR/node_modules/playwright-core" ]; then
  mkdir -p "$PW_DIR"
  (cd "$PW_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund playwright-core >/dev/null)
fi
PLAYWRIGHT_CORE="$PW_DIR/node_modules/playwright-core" node "$(dirname "$0")/page-weight.js" "$BASE" "$LABEL"
