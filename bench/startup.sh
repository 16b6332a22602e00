#!/usr/bin/env bash
# Start-up: exec to the first 200 on /, median of $RUNS (10), for the published app (composite ReadyToRun)
# serving the shipped example as shipped (the content beside the binary, live reload on), and
# for the floor app (bench/floor/, bare Kestrel) on the same machine in the same run as a baseline.
# Each run starts a fresh process on a free 127.0.0.1 port and stops it after its first 200.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

runs=${RUNS:-10}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

publish_app
dotnet publish "$repo/bench/floor" -c Release -r linux-x64 --self-contained false -p:UseAppHost=false \
  -o "$work/floor" --nologo -v quiet >/dev/null
mkdir -p "$work/floor-root"
echo '<!DOCTYPE html><title>floor</title>' >"$work/floor-root/index.html"

port=$(free_port)
echo "ProfileSite (published, shipped example):"
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production python3 "$repo/bench/startup.py" "$runs" "$port" / "$work/app.log" -- \
  "$work/app/ProfileSite" --urls="http://127.0.0.1:$port")
echo "floor app (bare Kestrel, one page from memory):"
port=$(free_port)
ASPNETCORE_ENVIRONMENT=Production python3 "$repo/bench/startup.py" "$runs" "$port" / "$work/floor.log" -- \
  dotnet "$work/floor/Floor.dll" --root "$work/floor-root" --urls="http://127.0.0.1:$port"
echo "the app's own account of its last start:"
grep -h "Started in" "$work/app.log" | tail -1 || true
