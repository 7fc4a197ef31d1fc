#!/usr/bin/env bash
# Two hall servers on ONE machine, loopback ports only, for a rehearsal (issue 15; README "Two servers"):
#   PostgreSQL primary + synchronous standby (pg_basebackup -R; synchronous_standby_names='standby',
#   so an acknowledged ballot is on both before the tablet gets its receipt), Redis (backplane and
#   cache invalidations), two app nodes (Hall:Nodes=two) and haproxy in front (health checks on
#   /health, WebSockets, a sticky cookie so SignalR's negotiate and its socket meet on one node).
# Usage: deploy/two-nodes/up.sh [--demo]      then http://127.0.0.1:56000 (TWO_NODES_PORT)
# Stop: deploy/two-nodes/down.sh. Failover of the database: deploy/two-nodes/promote.sh (watches).
# Needs: apt-get install -y postgresql redis-server haproxy; the .NET SDK (the app is published once).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/env.sh"
demo=false
[ "${1:-}" = "--demo" ] && demo=true

if [ -e "$dir/pg1" ]; then echo "up: $dir already holds a rehearsal; deploy/two-nodes/down.sh first" >&2; exit 1; fi
for port in $proxy_port $pg1_port $pg2_port $redis_port $app1_port $app2_port; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "up: port $port is in use (TWO_NODES_PORT moves them all)" >&2; exit 1; fi
done
mkdir -p "$dir"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
say() { echo "up: $*"; }

# --- PostgreSQL primary -------------------------------------------------------------------------
say "primary on 127.0.0.1:$pg1_port"
as_pg "$pgbin/initdb" -D "$dir/pg1" -U postgres -A trust -E UTF8 --no-locale >/dev/null
cat >>"$dir/pg1/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg1_port
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
synchronous_commit = on
track_commit_timestamp = off
max_connections = 300
CONF
as_pg "$pgbin/pg_ctl" -D "$dir/pg1" -l "$dir/pg1.log" -w start >/dev/null
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg1_port" -U postgres -qc "CREATE DATABASE election" >/dev/null
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg1_port" -U postgres -d election -qc "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null

# --- the synchronous standby --------------------------------------------------------------------
say "standby on 127.0.0.1:$pg2_port (synchronous, named standby)"
as_pg "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$pg1_port" -U postgres -D "$dir/pg2" -R -X stream
# Its walreceiver's application_name is its cluster_name: the name the primary waits for.
cat >>"$dir/pg2/postgresql.auto.conf" <<CONF
port = $pg2_port
cluster_name = 'standby'
synchronous_standby_names = ''
CONF
as_pg "$pgbin/pg_ctl" -D "$dir/pg2" -l "$dir/pg2.log" -w start >/dev/null
for _ in $(seq 1 60); do
  state=$(as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg1_port" -U postgres -Atc "SELECT state FROM pg_stat_replication WHERE application_name='standby'")
  [ "$state" = streaming ] && break
  sleep 0.5
done
# Named as synchronous only now: before the standby streams, every commit would wait for it.
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg1_port" -U postgres -qc "ALTER SYSTEM SET synchronous_standby_names = 'standby'" -c "SELECT pg_reload_conf()" >/dev/null
for _ in $(seq 1 60); do
  state=$(as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg1_port" -U postgres -Atc "SELECT sync_state FROM pg_stat_replication WHERE application_name='standby'")
  [ "$state" = sync ] && break
  sleep 0.5
done
[ "$state" = sync ] || { echo "up: the standby did not become synchronous (see $dir/pg2.log)" >&2; exit 1; }

# --- Redis ---------------------------------------------------------------------------------------
say "redis on 127.0.0.1:$redis_port"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"

# --- the two app nodes ---------------------------------------------------------------------------
if [ ! -f "$app_dir/ElectionSystem.Server.dll" ]; then
  say "publishing the server to $app_dir"
  dotnet publish "$repo/src/ElectionSystem.Server/ElectionSystem.Server.csproj" -c Release -o "$app_dir" -v q --nologo >/dev/null
fi
# One after the other, so the organiser's password file is in app1's folder (the load tool reads it there);
# started together they would also make one congress (the first start holds a database lock).
"$here/start-app.sh" app1 $([ "$demo" = true ] && echo --demo)
"$here/start-app.sh" app2 $([ "$demo" = true ] && echo --demo)

# --- haproxy -------------------------------------------------------------------------------------
sed -e "s|@PROXY@|$proxy_port|; s|@APP1@|$app1_port|; s|@APP2@|$app2_port|; s|@DIR@|$dir|" "$here/haproxy.cfg" >"$dir/haproxy.cfg"
haproxy -f "$dir/haproxy.cfg" -D -p "$dir/haproxy.pid"
say "haproxy on http://127.0.0.1:$proxy_port (stats: /haproxy)"
for f in "$dir"/app*-data/initial-organiser-password.txt; do [ -f "$f" ] && say "first organiser: $(tr '\n' ' ' <"$f")"; done
say "ready: $dir (down.sh stops all; promote.sh watches the primary)"
