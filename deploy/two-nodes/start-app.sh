#!/usr/bin/env bash
# Starts one app node of the rehearsal (up.sh starts both with it; after a kill it starts one again):
#   deploy/two-nodes/start-app.sh app1|app2 [--demo]
# It waits for the node's /health (the database may still be starting: up to 60 s), its pid in $dir/NAME.pid.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
name=${1:?usage: start-app.sh app1|app2 [--demo]}
case "$name" in
  app1) port=$app1_port ;;
  app2) port=$app2_port ;;
  *) echo "start-app: $name is not app1 or app2" >&2; exit 2 ;;
esac
demo=false
[ "${2:-}" = "--demo" ] && demo=true
if [ -f "$dir/$name.pid" ] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
  echo "start-app: $name is running already (pid $(cat "$dir/$name.pid"))" >&2; exit 1
fi
mkdir -p "$dir/$name-data"
# The same GC settings as the systemd unit (deploy/two-nodes/systemd/electionsystem-node.service).
env -C "$app_dir" DOTNET_GCgen0size=0x1000000 ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$port" DataFolder="$dir/$name-data" Demo=$demo \
  Database__Provider=postgres ConnectionStrings__Election="$connection" \
  Hall__Nodes=two Redis__Configuration="127.0.0.1:$redis_port" Proxy__KnownProxies__0=127.0.0.1 \
  setsid nohup dotnet "$app_dir/ElectionSystem.Server.dll" >>"$dir/$name.log" 2>&1 </dev/null &
echo $! >"$dir/$name.pid"
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && { echo "up: $name on 127.0.0.1:$port (pid $(cat "$dir/$name.pid"))"; exit 0; }
  kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null || break
  sleep 0.5 # the node says nothing when it is ready but /health: polled, at most 60 s
done
echo "up: $name did not answer /health (see $dir/$name.log)" >&2; tail -5 "$dir/$name.log" >&2; exit 1
