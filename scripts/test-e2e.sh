#!/usr/bin/env bash
# End-to-end tests against a fresh production build and a fresh embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
rm -rf "${E2E_PG_DATA_DIR:-./.data/e2e-postgres}" "${E2E_PG_DATA_DIR:-./.data/e2e-postgres}.owner"
npx next build
npx playwright test "$@"
