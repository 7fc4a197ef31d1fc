#!/usr/bin/env bash
# Builds the hall server as a self-contained linux-x64 folder (no .NET needed on the hall machine).
# Usage: deploy/publish.sh [output-dir]   (default: artifacts/hall-server)
# ReadyToRun (precompiled) roughly halves the cold start on the hall machine.
# Then copy the folder to the hall server, e.g. /opt/electionsystem, and install electionsystem.service.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/hall-server}"
dotnet publish src/ElectionSystem.Server/ElectionSystem.Server.csproj \
  -c Release -r linux-x64 --self-contained true \
  -p:PublishSingleFile=false -p:PublishReadyToRun=true -o "$out"
echo "Published to $out: install deploy/electionsystem.service (HTTPS with the certificate from deploy/hall-ca.sh; README, \"TLS in the hall\")"
