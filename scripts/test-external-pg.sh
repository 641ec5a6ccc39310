#!/usr/bin/env bash
# The integration suite against an external PostgreSQL 15 (Debian's package) reached through a URL, as a
# production deployment would: a fresh throw-away cluster in a temp folder, on 127.0.0.1 only, with a
# password; stopped and removed at the end whatever happens. Extra arguments go to vitest.
#   EXTERNAL_PG_PORT  first port to try (default 54390; the first bindable one up to +20 is used)
set -euo pipefail
cd "$(dirname "$0")/.."

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
PASSWORD=serialstock-external-test
IS_ROOT=$([ "$(id -u)" = 0 ] && echo 1 || echo 0)

if [ ! -x "$PG_BIN/postgres" ]; then
  if [ "$IS_ROOT" = 1 ] && command -v apt-get >/dev/null; then
    echo "[external-pg] PostgreSQL $PG_VERSION is missing: installing Debian's postgresql-$PG_VERSION"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # No default cluster and no service: this script starts its own cluster and stops it again.
    apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null
    sed -ri 's/^#?\s*create_main_cluster\s*=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
    apt-get install -y -qq --no-install-recommends "postgresql-$PG_VERSION" >/dev/null
  else
    echo "PostgreSQL $PG_VERSION is not installed ($PG_BIN/postgres is missing)." >&2
    echo "Install it, then run this again:  sudo apt-get install postgresql-$PG_VERSION" >&2
    echo "(on other systems: any PostgreSQL $PG_VERSION server, with TEST_DATABASE_URL=postgres://… npx vitest run --project integration)" >&2
    exit 1
  fi
fi

# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres system user.
as_pg() {
  if [ "$IS_ROOT" = 1 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

WORK=$(mktemp -d /var/tmp/serialstock-pg$PG_VERSION.XXXXXX)
chmod 755 "$WORK"
if [ "$IS_ROOT" = 1 ]; then chown postgres: "$WORK"; fi
DATA="$WORK/data"
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "$PASSWORD" > "$WORK/pwfile"
if [ "$IS_ROOT" = 1 ]; then chown postgres: "$WORK/pwfile"; fi
as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres --pwfile="$WORK/pwfile" --auth=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
rm -f "$WORK/pwfile"

# The first port from EXTERNAL_PG_PORT that can be bound; one taken between that check and the server's own bind
# (another program starting at the same moment) sends the search on to the next port.
PORT="${EXTERNAL_PG_PORT:-54390}"
LAST=$((PORT + 20))
while :; do
  PORT=$(node scripts/bindable-port.mjs "$PORT") || exit 1
  # Durability settings off: a throw-away test cluster, the same trade the embedded test server makes with --no-sync.
  if as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 60 start -o \
    "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$WORK' -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null; then
    break
  fi
  if ! grep -q 'could not bind' "$WORK/server.log" || [ "$PORT" -ge "$LAST" ]; then cat "$WORK/server.log" >&2; exit 1; fi
  echo "[external-pg] port $PORT was taken as the server started; trying the next one"
  : > "$WORK/server.log"
  PORT=$((PORT + 1))
done

URL="postgres://postgres:$PASSWORD@127.0.0.1:$PORT/postgres"
echo "[external-pg] $(PGPASSWORD=$PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atc 'select version()') on port $PORT"
# Every integration file, the outage tests (test/faults, a TCP relay in front of this server) included.
# EXCLUDE_FAULTS=1 leaves those out (a quicker compatibility run).
TEST_DATABASE_URL="$URL" npx vitest run --project integration ${EXCLUDE_FAULTS:+--exclude 'test/faults/**'} "$@"
