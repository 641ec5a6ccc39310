#!/usr/bin/env bash
# End-to-end tests against a fresh production build and a fresh embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
DATA_DIR="${E2E_PG_DATA_DIR:-./.data/e2e-postgres}"
# The first ports that can be bound from the defaults on (playwright.config.ts reads them).
export E2E_PORT="${E2E_PORT:-$(node scripts/bindable-port.mjs 3100)}"
export E2E_PG_PORT="${E2E_PG_PORT:-$(node scripts/bindable-port.mjs 54349)}"
# Leave no database server behind, whatever happens to the test run.
trap 'npx tsx scripts/db-stop.ts "$DATA_DIR" >/dev/null 2>&1 || true' EXIT
npx tsx scripts/db-stop.ts "$DATA_DIR" >/dev/null 2>&1 || true
rm -rf "$DATA_DIR" "$DATA_DIR.owner"
npx next build
# First-load JavaScript budgets of this build (scripts/bundle/budgets.ts): sizes, not times, so they belong in npm test.
npx tsx scripts/bundle/check-budgets.ts
npx playwright test "$@"
