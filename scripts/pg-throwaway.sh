#!/usr/bin/env bash
# A throwaway PostgreSQL/PostGIS cluster for tests that stop and start their database (the PostGIS-outage test);
# never the shared test database. Durable settings (fsync on): an immediate stop is a crash that loses nothing
# committed, as in production.
#   scripts/pg-throwaway.sh init DIR PORT   initdb into DIR, start on 127.0.0.1:PORT, create database gengdi with PostGIS
#   scripts/pg-throwaway.sh stop DIR        stop immediately (a crash, as far as clients can tell)
#   scripts/pg-throwaway.sh start DIR PORT  start again
#   scripts/pg-throwaway.sh destroy DIR     stop if running, remove DIR
set -euo pipefail
PG_VERSION=${PG_VERSION:-15}
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
cmd=$1
dir=$2
as_owner() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
start() {
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start -o \
        "-p $1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=60" >/dev/null
}
case "$cmd" in
  init)
    port=$3
    mkdir -p "$dir"
    chmod 755 "$dir"
    [[ $EUID -eq 0 ]] && chown postgres:postgres "$dir"
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
        --auth-host=trust >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    start "$port"
    as_owner psql -X -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE gengdi" postgres
    as_owner psql -X -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE EXTENSION postgis" gengdi ;;
  stop)
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null ;;
  start)
    start "$3" ;;
  destroy)
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" ;;
  *) echo "usage: $0 init|stop|start|destroy DIR [PORT]" >&2; exit 2 ;;
esac
