#!/usr/bin/env bash
# Two or more published builds of the app side by side on one path: each serves a temp copy of
# content/ on its own 127.0.0.1 port (rate limit off, request log on, as vs-nginx.sh runs it), then
# wrk -t2 -c$CONNECTIONS -d${DURATION}s on $URL_PATH with "Accept-Encoding: $ENCODING", $ROUNDS
# rounds alternating the order; prints each round, the medians, the ratio to the first build and
# each build's RSS after the runs. For a before/after of one change: publish each commit once
# (dotnet publish src/ProfileSite -c Release -r linux-x64 --self-contained -o DIR) and pass the DIRs.
#   bench/compare-builds.sh /tmp/before /tmp/after
set -euo pipefail
source "$(dirname "$0")/lib.sh"

duration=${DURATION:-6}
connections=${CONNECTIONS:-64}
rounds=${ROUNDS:-3}
path=${URL_PATH:-/}
encoding=${ENCODING:-br}
[ "$#" -ge 2 ] || { echo "usage: $0 PUBLISHED_DIR PUBLISHED_DIR [...]" >&2; exit 2; }

cp -r "$repo/content" "$work/content"
urls=(); pids=()
for dir in "$@"; do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$dir" "$dir/ProfileSite" --urls="http://127.0.0.1:$port" \
    --ProfileSite:ContentPath="$work/content" --ProfileSite:WebRootPath="$repo/wwwroot" \
    --ProfileSite:Security:RequestsPerSecond=0 --ProfileSite:Reload=false >"$work/app-$port.log" 2>&1 &
  started+=("$!"); pids+=("$!"); urls+=("http://127.0.0.1:$port")
done
for url in "${urls[@]}"; do
  # Until the compressed form is published (compression runs once, after the start).
  for _ in $(seq 1 600); do
    curl -s -D - -o /dev/null -H "Accept-Encoding: $encoding" "$url$path" | grep -qi "^content-encoding: $encoding" && break
    sleep 0.1
  done
done

for i in "${!urls[@]}"; do : >"$work/rps-$i"; done
for round in $(seq 1 "$rounds"); do
  order=$(seq 0 $(($# - 1)))
  [ $((round % 2)) -eq 0 ] && order=$(seq $(($# - 1)) -1 0)
  for i in $order; do
    rps=$(wrk -t2 -c"$connections" -d"${duration}s" -H "Accept-Encoding: $encoding" "${urls[$i]}$path" | awk '/Non-2xx/ { bad = 1 } /Requests\/sec:/ { print (bad ? "non-2xx" : $2) }')
    echo "round $round ${@:$((i + 1)):1}: $rps req/s"
    echo "$rps" >>"$work/rps-$i"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
first=$(median <"$work/rps-0")
for i in "${!urls[@]}"; do
  m=$(median <"$work/rps-$i")
  printf '%-40s median %8.0f req/s  x%.2f  RSS %d MiB\n' "${@:$((i + 1)):1}" "$m" "$(echo "$m / $first" | bc -l)" "$(( $(rss_kib "${pids[$i]}") / 1024 ))"
done
