#!/usr/bin/env bash
# Measures cold start: process start → /health 200, on a fresh data folder with --demo (first run:
# migrations + demo seed) and again on the same folder (second start). Loopback only.
# Usage: deploy/measure-startup.sh                 (Release build, JIT)
#        deploy/measure-startup.sh artifacts/hall-server   (a folder made by deploy/publish.sh, ReadyToRun)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  run=("$(cd "$1" && pwd)/ElectionSystem.Server" --contentRoot "$(cd "$1" && pwd)")
else
  dotnet build src/ElectionSystem.Server -c Release -nologo -v q >/dev/null
  run=(dotnet "$PWD/src/ElectionSystem.Server/bin/Release/net10.0/ElectionSystem.Server.dll" --contentRoot "$PWD/src/ElectionSystem.Server")
fi
data=$(mktemp -d)
port=${PORT:-5123}
measure() {
  local start end pid
  start=$(date +%s%N)
  "${run[@]}" --demo --DataFolder "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited"; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  echo "$1: $(( (end - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
measure "first start (fresh data folder: migrate + seed demo)"
measure "second start (existing data folder)"
rm -rf "$data"
