#!/usr/bin/env bash
# Install (as root, with apt-get) and start what the full test suite needs beyond Python:
# a PostgreSQL server and Debian's Chromium with its driver. Prints the export line for
# DIPLOGRAPH_TEST_PG_URL on stdout. Safe to run twice.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${need[@]}" >&2
  else
    echo "services: missing ${need[*]} and cannot apt-get them; those tests will be skipped" >&2
  fi
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PGBIN" ] || exit 0
# A throwaway cluster of our own on a private port, owned by the postgres user.
DATA=/tmp/diplograph-pg
PORT=${DIPLOGRAPH_PG_PORT:-54329}
if ! su postgres -c "$PGBIN/pg_ctl -D $DATA status" >/dev/null 2>&1; then
  rm -rf "$DATA"; mkdir -p "$DATA"; chown postgres "$DATA"
  su postgres -c "$PGBIN/initdb -D $DATA -A trust -U postgres" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $DATA -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -l $DATA/log -w start" >/dev/null
fi
su postgres -c "$PGBIN/psql -h 127.0.0.1 -p $PORT -U postgres -tAc \"select 1 from pg_database where datname='diplograph_test'\"" | grep -q 1 \
  || su postgres -c "$PGBIN/createdb -h 127.0.0.1 -p $PORT -U postgres diplograph_test"
echo "export DIPLOGRAPH_TEST_PG_URL=postgresql://postgres@127.0.0.1:$PORT/diplograph_test"
