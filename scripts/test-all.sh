#!/usr/bin/env bash
# npm test: every check the project has, in order of speed. Any failure stops the run with its exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type check";        npx tsc --noEmit
echo "== lint";              npx eslint .
echo "== format";            npx prettier --check . --log-level warn
echo "== dependency audit";  node scripts/audit.mjs
echo "== unit tests";        npx vitest run --project unit
# Test servers take the first port that can be bound from their defaults on: a port held by anything else
# (even a socket bound without listening, which a connect test misses) must not fail the run.
export TEST_PG_PORT="${TEST_PG_PORT:-$(node scripts/bindable-port.mjs 54339)}"
echo "== integration tests"; npx vitest run --project integration
# The same suite through DATABASE_URL-style access to a separate PostgreSQL 15 server (installed with apt when root).
echo "== integration tests on external PostgreSQL 15"; bash scripts/test-external-pg.sh
echo "== end-to-end tests";  bash scripts/test-e2e.sh
