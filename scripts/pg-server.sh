#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the PostgreSQL test (label `postgres`):
# a cluster in a temporary directory, listening on a Unix socket in that directory only (no
# TCP port), run as the `postgres` user when called as root (the server refuses to run as
# root), else as the caller.
#   scripts/pg-server.sh start DIR   initdb DIR/data, start it, print the socket directory
#   scripts/pg-server.sh stop DIR    stop it (fast shutdown); a missing server is no error
# DIR must not exist yet for `start`; the caller removes it after `stop`.
set -euo pipefail

action=${1:?usage: pg-server.sh start|stop DIR}
dir=${2:?usage: pg-server.sh start|stop DIR}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "pg-server: no PostgreSQL server found (Debian: postgresql)" >&2
  exit 1
fi

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    as_server_user "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -c listen_addresses='' -c fsync=off" start >/dev/null
    echo "$dir"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_server_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: pg-server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
