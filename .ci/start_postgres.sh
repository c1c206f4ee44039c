#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests, in a fresh folder on a free port,
# and print the variables to export.
#
# Usage (CI or a dev box, Debian/Ubuntu):
#     eval "$(bash .ci/start_postgres.sh)"        # sets NEWSLENS_TEST_PG_URL and NEWSLENS_PG_DIR
#     trap 'bash .ci/start_postgres.sh stop "$NEWSLENS_PG_DIR"' EXIT   # .ci/run does this
#     .venv/bin/pytest tests/store
#     bash .ci/start_postgres.sh stop "$NEWSLENS_PG_DIR"     # stops it and deletes its folder
#
# Every start makes its own cluster: a new folder under ${TMPDIR:-/tmp} (newslens-pg.XXXXXX),
# a port nobody listens on (asked of the kernel, retried if another server takes it first), a
# socket in that folder, 127.0.0.1 only, a random password (scram-sha-256) and the database
# `newslens_test`. Two runs on one machine never share a server, a folder or a port; the system
# cluster, if any, is left alone. Installs Debian's `postgresql` package when its binaries are
# missing (needs root or sudo). A start that fails removes what it made. Everything except the
# final `export ...` lines goes to stderr, so `eval` is safe.
set -euo pipefail

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

stop_cluster() {  # stop_cluster DIR: stop the server in DIR (if any) and delete DIR
    local dir="$1"
    [[ -n "$dir" && -d "$dir" ]] || return 0
    [[ "$(basename "$dir")" == newslens-pg.* ]] || { log "refusing to delete $dir: not made by this script"; return 1; }
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 || true
    fi
    rm -rf -- "$dir"
}

if [[ "${1:-start}" == "stop" ]]; then
    stop_cluster "${2:-${NEWSLENS_PG_DIR:-}}"
    exit 0
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/newslens-pg.XXXXXX")"
trap 'stop_cluster "$PG_DIR"' ERR  # a failed start leaves nothing behind
chown "$OWNER" "$PG_DIR"
chmod 700 "$PG_DIR"
PWFILE="$PG_DIR/password"

log "initdb in $PG_DIR/data ($BINDIR)"
"${RUN_AS[@]}" bash -c "umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > '$PWFILE'"
"${RUN_AS[@]}" "$BINDIR/initdb" -D "$PG_DIR/data" -U "$PG_USER" --pwfile="$PWFILE" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    || { log "initdb failed"; false; }

# A throwaway cluster: nothing in it must outlive a power cut, so no flush to disk per commit
# (the store's own durability is tested on SQLite, by SIGKILL, in tests/store/test_store_crash.py).
THROWAWAY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
started=""
for attempt in 1 2 3 4 5; do
    PG_PORT="$(free_port)"
    log "starting on 127.0.0.1:$PG_PORT (attempt $attempt)"
    if "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200 $THROWAWAY" start >&2; then
        started="yes"
        break
    fi
    tail -n 5 "$PG_DIR/server.log" >&2 || true  # most likely another server took the port: try another
done
[[ -n "$started" ]] || { log "the server did not start"; false; }

PASSWORD="$("${RUN_AS[@]}" cat "$PWFILE")"
export PGPASSWORD="$PASSWORD"
"$BINDIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$PG_DB" >&2
trap - ERR

echo "export NEWSLENS_PG_DIR=$PG_DIR"
echo "export NEWSLENS_TEST_PG_URL=postgresql+psycopg://$PG_USER:$PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
