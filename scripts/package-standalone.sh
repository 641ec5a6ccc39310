#!/usr/bin/env bash
# A self-contained production server for deployment: `next build` with output 'standalone', plus what the
# server reads from disk at run time (db/migrations, public/, .next/static). Result: dist/serialstock/,
# started with `node server.js` (Node.js 20.15+ only; no npm install there). Needs DATABASE_URL at run time:
# the embedded PostgreSQL is a development convenience and is not part of the package.
#   OUT_DIR  where to put it (default dist/serialstock)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT_DIR="${OUT_DIR:-dist/serialstock}"

BUILD_STANDALONE=1 npx next build
rm -rf "$OUT_DIR"
mkdir -p "$(dirname "$OUT_DIR")"
cp -a .next/standalone "$OUT_DIR"
mkdir -p "$OUT_DIR/.next" "$OUT_DIR/db"
cp -a .next/static "$OUT_DIR/.next/static"
cp -a public "$OUT_DIR/public"
# Migrations run at start (under an advisory lock) from <working directory>/db/migrations.
cp -a db/migrations "$OUT_DIR/db/migrations"
# The standalone build leaves its own copy behind; the regular build (npm start) stays as it was.
rm -rf .next/standalone
echo "[package] $OUT_DIR is ready: cd $OUT_DIR && DATABASE_URL=postgres://… PORT=3000 node server.js"
