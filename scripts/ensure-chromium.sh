#!/usr/bin/env bash
# The end-to-end tests use Debian's Chromium; Playwright never downloads a browser here.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "[e2e] $CHROMIUM is missing: installing Debian's chromium package…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  exit 0
fi
echo "[e2e] Chromium is missing at $CHROMIUM. Install it with: sudo apt-get install chromium" >&2
echo "[e2e] (or point CHROMIUM_PATH at a Chromium/Chrome binary), then run the tests again." >&2
exit 1
