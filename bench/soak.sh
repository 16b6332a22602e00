#!/usr/bin/env bash
# Soak: $DURATION s (60) of wrk at $CONNECTIONS (128) connections on / and /publications (when it
# answers 200) while content/news.yaml of a temp copy is rewritten every 500 ms. Loopback only,
# bounded in time, and everything it starts is stopped on exit. Reports requests, non-2xx,
# p99 latency and the app's RSS before the load, at 10 s and at the end.
#
# The per-client rate limit is off here (every wrk connection is 127.0.0.1, one client); the
# site-wide concurrency cap (256) and every other limit stay as shipped.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

duration=${DURATION:-60}
connections=${CONNECTIONS:-128}
threads=${THREADS:-2}

publish_app
start_app --ProfileSite:Security:RequestsPerSecond=0

paths="/"
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/publications")" = "200" ]; then
  paths="/ /publications"
fi

# The owner editing while visitors read: rewrite a content file every 500 ms, in place as an
# editor saves, alternating two valid versions.
news="$work/content/news.yaml"
cp "$news" "$work/news.a"
{ cat "$news"; echo "# soak edit"; } >"$work/news.b"
(
  i=0
  while true; do
    if [ $((i % 2)) -eq 0 ]; then cat "$work/news.b" >"$news"; else cat "$work/news.a" >"$news"; fi
    i=$((i + 1))
    sleep 0.5
  done
) &
started+=("$!")
rewriter=$!

rss_start=$(rss_kib "$app_pid")
( sleep 10; rss_kib "$app_pid" >"$work/rss10" ) &
started+=("$!")
( sleep $((duration - 1)); rss_kib "$app_pid" >"$work/rss_end" ) &
started+=("$!")

BENCH_PATHS="$paths" wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s --latency \
  -s "$(dirname "$0")/paths.lua" "$base" >"$work/wrk.txt"
kill "$rewriter" 2>/dev/null || true
sleep 0.5

read -r requests non2xx p99 rps < <(wrk_summary "$work/wrk.txt")
errors=$(grep -h "Socket errors" "$work/wrk.txt" || echo "Socket errors: none")
log_5xx=$(grep -c "responded 5" "$app_log" || true)
reloads=$(grep -c "Reloaded content" "$app_log" || true)
stop_app

cat "$work/wrk.txt"
echo
echo "soak: ${duration}s, ${connections} connections, paths: $paths"
echo "requests: $requests ($rps/s)"
echo "non-2xx: $non2xx; $errors; 5xx lines in the app log: $log_5xx"
echo "content reloads during the run: $reloads"
echo "p99 latency: $p99"
echo "RSS: $((rss_start / 1024)) MiB before load, $(( $(cat "$work/rss10") / 1024 )) MiB at 10 s, $(( $(cat "$work/rss_end") / 1024 )) MiB at ${duration} s"
