#!/usr/bin/env bash
# images-cold.sh: the photo fixture site (bench/photo-site.sh) started with an empty variant cache.
# Measures how long the image pipeline takes to make every variant, whether the site answers meanwhile
# (GET / every 100 ms from the moment the process starts: time to the first 200, slowest answer, failures),
# the process's peak RSS (VmHWM) over the run, then a restart on the warm cache (variants encoded: 0).
#   bench/images-cold.sh [runs=3]
# Settings pass through: CONCURRENCY=2 AVIF_EFFORT=4 bench/images-cold.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-3}
publish_app
"$repo/bench/photo-site.sh" "$work/site" >/dev/null
extra=()
[ -n "${CONCURRENCY:-}" ] && extra+=("--ProfileSite:Images:MaxConcurrency=$CONCURRENCY")
[ -n "${AVIF_EFFORT:-}" ] && extra+=("--ProfileSite:Images:AvifEffort=$AVIF_EFFORT")

run_once() { # run_once CACHE LABEL
  local cache=$1 label=$2 port url t0 first="" slowest=0 fails=0 done_at="" hwm=0 body code t
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  t0=$(date +%s.%N)
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$work/app" "$work/app/ProfileSite" --urls="$url" \
    --ProfileSite:ContentPath="$work/site/content" --ProfileSite:WebRootPath="$work/site/wwwroot" \
    --ProfileSite:Images:CachePath="$cache" --ProfileSite:Security:RequestsPerSecond=0 "${extra[@]}" >"$work/$label.log" 2>&1 &
  app_pid=$!
  started+=("$app_pid")
  for _ in $(seq 1 1200); do
    t=$(python3 -c "import time; print(f'{time.time() - $t0:.2f}')")
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code} %{time_total}' "$url/" || true)
    if [ "${code%% *}" = 200 ]; then
      [ -z "$first" ] && first=$t
      slowest=$(python3 -c "print(max($slowest, ${code##* }))")
    elif [ -n "$first" ]; then
      fails=$((fails + 1))
    fi
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$app_pid/status" 2>/dev/null || echo "$hwm")
    if [ -n "$first" ]; then
      body=$(curl -s -m 5 "$url/healthz" || true)
      if python3 -c "import json,sys; i=json.loads(sys.argv[1])['images']; sys.exit(0 if i['ready']+i['failed']>=i['planned'] else 1)" "$body" 2>/dev/null; then
        done_at=$t
        break
      fi
    fi
    sleep 0.1
  done
  encoded=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['images']['encoded'])" "$body")
  planned=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['images']['planned'])" "$body")
  kill -TERM "$app_pid"; wait "$app_pid" 2>/dev/null || true
  printf '%-6s first 200 at %5s s | all %s variants at %6s s | encoded %3s | slowest GET / %5.2f s | failed GETs %s | peak RSS %d MiB\n' \
    "$label" "$first" "$planned" "${done_at:-timeout}" "$encoded" "$slowest" "$fails" $((hwm / 1024))
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(dotnet --version) SDK; settings: ${extra[*]:-defaults}"
for i in $(seq 1 "$runs"); do
  rm -rf "$work/cache"
  run_once "$work/cache" "cold$i"
done
run_once "$work/cache" "warm"
