#!/usr/bin/env bash
# Stops everything up.sh started (haproxy, both apps, Redis, both PostgreSQL servers) and removes the
# rehearsal's folder. Usage: deploy/two-nodes/down.sh [--keep] (--keep leaves the folder for a look).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
# SIGTERM, then wait (up to 10 s, then SIGKILL) so the ports are free for the next up.sh.
stop_pid() {
  [ -f "$1" ] || return 0
  local pid; pid=$(head -1 "$1"); rm -f "$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
}
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
