#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the test run: initdb into a temporary folder,
# start it on a free port, print its URL; `stop DIR` stops it and removes the folder.
set -euo pipefail

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_owner() {
  # initdb and postgres refuse to run as root; CI runs as root, so they run as `postgres` there.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  available)
    pg_bin >/dev/null
    ;;
  start)
    bin=$(pg_bin)
    dir=$(mktemp -d /tmp/manyidu-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$bin/initdb" -D "$dir/data" -U manyidu --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-h 127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=300" start >/dev/null
    echo "$dir postgres://manyidu@127.0.0.1:$port/postgres"
    ;;
  stop)
    bin=$(pg_bin)
    as_owner "$bin/pg_ctl" -D "$2/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$2"
    ;;
  *)
    echo "usage: $0 available|start|stop DIR" >&2
    exit 2
    ;;
esac
