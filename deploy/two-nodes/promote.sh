#!/usr/bin/env bash
# Database failover driven by a health check: every second pg_isready asks the primary; after 3
# failures in a row the standby is promoted (pg_ctl promote) and, being alone now, stops waiting for
# a synchronous standby (synchronous_standby_names='', until the old primary is rebuilt as its
# standby with pg_basebackup or pg_rewind). The apps need nothing: their connection string names both
# hosts with Target Session Attributes=read-write, so Npgsql finds the new primary by itself.
# Usage: deploy/two-nodes/promote.sh [--once]   (--once: check and promote now if the primary is down)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
echo $$ >"$dir/promote.pid"
failures=0
while :; do
  if as_pg "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pg1_port" -t 1; then
    failures=0
  else
    failures=$((failures + 1))
  fi
  if [ "$failures" -ge 3 ] || { [ "${1:-}" = "--once" ] && [ "$failures" -ge 1 ]; }; then
    echo "promote: the primary on $pg1_port is gone ($(date +%T.%N | cut -c1-12)); promoting the standby on $pg2_port"
    as_pg "$pgbin/pg_ctl" -D "$dir/pg2" -w promote
    as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg2_port" -U postgres -qc "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()" >/dev/null
    echo "promote: 127.0.0.1:$pg2_port is the primary ($(date +%T.%N | cut -c1-12))"
    rm -f "$dir/promote.pid"
    exit 0
  fi
  [ "${1:-}" = "--once" ] && { rm -f "$dir/promote.pid"; exit 0; }
  sleep 1
done
