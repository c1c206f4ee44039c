#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print the URL to export.
#
# Usage (CI or a dev box, Debian/Ubuntu):
#     eval "$(.ci/start_postgres.sh)"      # sets NEWSLENS_TEST_PG_URL
#     .venv/bin/pytest tests/test_store.py
#     .ci/start_postgres.sh stop           # stops it again
#
# Installs Debian's `postgresql` package when its binaries are missing (needs root or sudo),
# creates a private cluster in $NEWSLENS_PG_DIR (default /tmp/newslens-pg) that listens on
# 127.0.0.1:$NEWSLENS_PG_PORT only (default 54329), with a random password (scram-sha-256),
# and creates the database `newslens_test`. The system cluster, if any, is left alone.
# Everything except the final `export ...` line goes to stderr, so `eval` is safe.
set -euo pipefail

PG_DIR="${NEWSLENS_PG_DIR:-/tmp/newslens-pg}"
PG_PORT="${NEWSLENS_PG_PORT:-54329}"
PG_DB="newslens_test"
PG_USER="newslens"

log() { echo "start_postgres: $*" >&2; }

find_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
        fi
    done | sort -V | tail -n 1
}

BINDIR="$(find_bindir)"
if [[ -z "$BINDIR" ]]; then
    log "PostgreSQL binaries not found: installing Debian's postgresql package"
    SUDO=""
    if [[ "$(id -u)" -ne 0 ]]; then SUDO="sudo"; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    BINDIR="$(find_bindir)"
    [[ -n "$BINDIR" ]] || { log "install finished but initdb/pg_ctl are still missing"; exit 1; }
fi

# The server refuses to run as root: run it as `postgres` when we are root, else as ourselves.
if [[ "$(id -u)" -eq 0 ]]; then
    RUN_AS=(runuser -u postgres --)
    OWNER="postgres"
else
    RUN_AS=()
    OWNER="$(id -un)"
fi

if [[ "${1:-start}" == "stop" ]]; then
    if [[ -f "$PG_DIR/data/PG_VERSION" ]]; then
        "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$PG_DIR/data" -m fast stop >&2 || true
    fi
    exit 0
fi

mkdir -p "$PG_DIR"
chown "$OWNER" "$PG_DIR"
chmod 700 "$PG_DIR"
PWFILE="$PG_DIR/password"

if [[ ! -f "$PG_DIR/data/PG_VERSION" ]]; then
    log "initdb in $PG_DIR/data ($BINDIR)"
    "${RUN_AS[@]}" bash -c "umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > '$PWFILE'"
    "${RUN_AS[@]}" "$BINDIR/initdb" -D "$PG_DIR/data" -U "$PG_USER" --pwfile="$PWFILE" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
fi

if ! "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    log "starting on 127.0.0.1:$PG_PORT"
    "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200" start >&2
fi

PASSWORD="$("${RUN_AS[@]}" cat "$PWFILE")"
export PGPASSWORD="$PASSWORD"
if ! "$BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
    "$BINDIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$PG_DB" >&2
fi

echo "export NEWSLENS_TEST_PG_URL=postgresql+psycopg://$PG_USER:$PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
