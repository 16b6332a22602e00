#!/usr/bin/env bash
# Page cache: the About page with the output cache on (the default) and off, and a browser's
# revalidation (If-None-Match: the ETag) that is answered 304. $DURATION s (15) of wrk at
# $CONNECTIONS (32) connections each, loopback only; everything started is stopped on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

duration=${DURATION:-15}
connections=${CONNECTIONS:-32}

run() { # label, extra wrk arguments...
  local label=$1
  shift
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" "$base/" >"$work/wrk.txt"
  read -r requests non2xx p99 rps < <(wrk_summary "$work/wrk.txt")
  printf '%-28s %10s req/s  p99 %-9s  %s requests, %s non-2xx/3xx\n' "$label" "$rps" "$p99" "$requests" "$non2xx"
}

publish_app

start_app --ProfileSite:Security:RequestsPerSecond=0 --ProfileSite:CachePages=false
run "cache off (render each time)"
stop_app

start_app --ProfileSite:Security:RequestsPerSecond=0
etag=$(curl -s -D - -o /dev/null "$base/" | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')
run "cache on"
run "cache on, If-None-Match" -H "If-None-Match: $etag"
stop_app
