#!/usr/bin/env bash
# PostGIS for the tests.
#
#   source scripts/pg-env.sh        provision, then export GENGDI_TEST_PG_URL in the calling shell
#   scripts/pg-env.sh [up]          provision and print the JDBC URL (also written to target/pg/url)
#   scripts/pg-env.sh reset         like up, but drop and re-create gengdi_test first
#   scripts/pg-env.sh stop          stop the private cluster, if this script started one
#
# Uses a server on 127.0.0.1:5432 when it lets `postgres` in without a password and offers PostGIS; otherwise
# runs a private cluster in <repo>/target/pg (trust auth on 127.0.0.1 only, socket and log inside that
# directory) on a free port. Only the database gengdi_test is ever created (or, by reset, dropped); `up` keeps an
# existing one so that concurrent test runs do not pull it from under each other (tests use fresh schemas).
# Safe to run repeatedly.
# Note: `mvn clean` at the repository root deletes target/, so stop the private cluster before cleaning.

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
    # Sourced: do the work in a child shell (so `set -e` and failures stay there), then export the result.
    __gengdi_pg_script="${BASH_SOURCE[0]}"
    if bash "$__gengdi_pg_script" up >/dev/null; then
        GENGDI_TEST_PG_URL="$(cat "$(cd "$(dirname "$__gengdi_pg_script")/.." && pwd)/target/pg/url")"
        export GENGDI_TEST_PG_URL
        echo "GENGDI_TEST_PG_URL=$GENGDI_TEST_PG_URL"
        unset __gengdi_pg_script
    else
        echo "pg-env: PostGIS provisioning failed; GENGDI_TEST_PG_URL not set" >&2
        unset __gengdi_pg_script
        return 1
    fi
    return 0
fi

set -euo pipefail

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
DB=gengdi_test
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGDIR="$ROOT/target/pg"
DATA="$PGDIR/data"
SOCK="$PGDIR/sock"
LOG="$PGDIR/log"

log() { echo "pg-env: $*" >&2; }
die() { log "$*"; exit 1; }

# Runs a command as the cluster owner: the postgres OS user when we are root (initdb refuses root).
as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo -n "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

packages_present() {
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] && command -v psql >/dev/null \
        && ls /usr/share/postgresql/$PG_VERSION/extension/postgis.control >/dev/null 2>&1
}

ensure_packages() {
    if packages_present; then
        return
    fi
    log "installing postgresql-$PG_VERSION and postgresql-$PG_VERSION-postgis-3"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3"
    packages_present || die "PostgreSQL $PG_VERSION / PostGIS still missing after apt-get install"
}

# psql against host:port as postgres, never prompting for a password.
pg_sql() {
    local port=$1 db=$2
    shift 2
    PGCONNECT_TIMEOUT=3 PGPASSWORD='' psql -X -w -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres \
        -d "$db" "$@"
}

# True when a password-less server with PostGIS answers on this port.
usable_server() {
    command -v psql >/dev/null || return 1
    local avail
    avail="$(pg_sql "$1" postgres -Atc \
        "select count(*) from pg_available_extensions where name = 'postgis'" 2>/dev/null)" || return 1
    [[ "$avail" == 1 ]]
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local p
    for p in $(seq 55432 55532); do
        if ! port_in_use "$p"; then
            echo "$p"
            return
        fi
    done
    die "no free port in 55432-55532"
}

private_running() {
    [[ -f "$DATA/PG_VERSION" ]] && as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start_private() {
    mkdir -p "$PGDIR"
    if [[ $EUID -eq 0 ]]; then
        chown postgres:postgres "$PGDIR"
        runuser -u postgres -- test -w "$PGDIR" \
            || die "the postgres user cannot write $PGDIR (a parent directory is not traversable)"
    fi
    if private_running; then
        local port
        port="$(sed -n 4p "$DATA/postmaster.pid")"
        log "private cluster already running on port $port"
        echo "$port"
        return
    fi
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        log "initialising a private cluster in $DATA"
        as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=reject >"$PGDIR/initdb.log" 2>&1 \
            || { cat "$PGDIR/initdb.log" >&2; die "initdb failed"; }
        # Trust on the private socket and on 127.0.0.1 only; everything else is refused.
        as_owner tee "$DATA/pg_hba.conf" >/dev/null <<'EOF'
# written by scripts/pg-env.sh
local all all                 trust
host  all all 127.0.0.1/32    trust
EOF
        as_owner mkdir -p "$SOCK"
    fi
    local port
    port="$(free_port)"
    log "starting the private cluster on 127.0.0.1:$port (log: $LOG)"
    # Durability is not needed for test data; the settings make imports fast.
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o \
        "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$SOCK -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c max_connections=100" >&2 \
        || { tail -n 30 "$LOG" >&2 || true; die "the private cluster did not start"; }
    echo "$port"
}

stop_private() {
    if private_running; then
        as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
        log "private cluster stopped"
    else
        log "no private cluster running in $DATA"
    fi
}

create_database() {
    local port=$1 reset=$2
    if [[ "$reset" == reset ]]; then
        log "dropping database $DB"
        # WITH (FORCE) ends leftover sessions of an interrupted run; older servers lack it.
        pg_sql "$port" postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null \
            || pg_sql "$port" postgres -c "DROP DATABASE IF EXISTS $DB"
    fi
    if [[ "$(pg_sql "$port" postgres -Atc "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" == 0 ]]; then
        create_empty_database "$port"
    fi
    pg_sql "$port" "$DB" -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS postgis"
}

create_empty_database() {
    local port=$1
    pg_sql "$port" postgres -c "CREATE DATABASE $DB ENCODING 'UTF8' TEMPLATE template0" 2>/dev/null \
        || pg_sql "$port" postgres -c "CREATE DATABASE $DB ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0" \
            2>/dev/null \
        || pg_sql "$port" postgres -c "CREATE DATABASE $DB ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0"
}

up() {
    local port mode reset=${1:-}
    if ! private_running && usable_server 5432; then
        port=5432
        mode=system
        log "using the server on 127.0.0.1:5432"
    else
        ensure_packages
        port="$(start_private)"
        mode=private
    fi
    create_database "$port" "$reset"
    mkdir -p "$PGDIR"
    local url="jdbc:postgresql://127.0.0.1:$port/$DB?user=postgres"
    echo "$url" >"$PGDIR/url"
    echo "$mode" >"$PGDIR/mode"
    log "database $DB ready with PostGIS $(pg_sql "$port" "$DB" -Atc 'select postgis_lib_version()')"
    echo "$url"
}

case "${1:-up}" in
    up) up ;;
    reset) up reset ;;
    stop) stop_private ;;
    *) die "usage: $0 [up|reset|stop]" ;;
esac
