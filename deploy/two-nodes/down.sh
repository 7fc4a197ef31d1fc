#!/usr/bin/env bash
# Stops everything up.sh started (haproxy, both apps, Redis, both PostgreSQL servers) and removes the
# rehearsal's folder. Usage: deploy/two-nodes/down.sh [--keep] (--keep leaves the folder for a look).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
stop_pid() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null; rm -f "$1"; }
[ -f "$dir/promote.pid" ] && stop_pid "$dir/promote.pid"
stop_pid "$dir/haproxy.pid"
stop_pid "$dir/app1.pid"
stop_pid "$dir/app2.pid"
[ -f "$dir/redis.pid" ] && stop_pid "$dir/redis.pid"
for pg in pg1 pg2; do
  [ -d "$dir/$pg" ] && as_pg "$pgbin/pg_ctl" -D "$dir/$pg" -m fast -w stop >/dev/null 2>&1
done
[ "${1:-}" = "--keep" ] || rm -rf "$dir"
echo "down: stopped${1:+ (kept $dir)}"
