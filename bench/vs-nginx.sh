#!/usr/bin/env bash
# ProfileSite against nginx serving the very same bytes, and against the stack's floor (a bare
# Kestrel app writing the same precompressed bytes from memory, bench/floor/). Builds Release
# (ReadyToRun), starts the app on the shipped example, exports exactly what it serves, serves the
# export with nginx (gzip_static, and brotli_static when libnginx-mod-http-brotli-static is
# installed; the script says which) and with the floor app, then runs wrk A/B/C alternating
# $ROUNDS (3) times on /, /publications and one paper page, with
# "Accept-Encoding: gzip, deflate, br, zstd" and with "gzip". Access logs on for nginx and
# ProfileSite (to files); ProfileSite's rate limit off (wrk is one client), every other limit on.
# Loopback only, bounded in time; everything started is stopped on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

duration=${DURATION:-8}
connections=${CONNECTIONS:-64}
rounds=${ROUNDS:-3}
paper=${PAPER:-/publications/2021-neurips-embedding-principle}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

publish_app
dotnet publish "$repo/bench/floor" -c Release -r linux-x64 --self-contained false -p:UseAppHost=false \
  -o "$work/floor" --nologo -v quiet >/dev/null
start_app --ProfileSite:Security:RequestsPerSecond=0 --ProfileSite:Reload=false

# Compression happens once, in the background, right after publishing: wait for the Brotli forms.
for path in / /publications "$paper"; do
  for _ in $(seq 1 600); do
    if curl -s -D - -o /dev/null -H 'Accept-Encoding: br' "$base$path" | grep -qi '^content-encoding: br'; then
      break
    fi
    sleep 0.1
  done
done

# The export, for the address the app is reached at: its files are the app's answers, byte for byte.
ASPNETCORE_CONTENTROOT="$work/app" "$work/app/ProfileSite" export --out "$work/export" \
  --base-url "$base/" --content "$work/content" --ProfileSite:WebRootPath="$repo/wwwroot" >"$work/export.log" 2>&1
for path in / /publications "$paper"; do
  curl -s -o "$work/served" "$base$path"
  file="$work/export${path%/}/index.html"
  cmp -s "$work/served" "$file" || { echo "the export of $path differs from what the app serves" >&2; exit 1; }
done

# nginx on the export, as deploy/nginx/static-site.conf serves it, with an access log.
nginx_port=$(free_port)
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
mkdir -p "$work/nginx"
{
  echo "daemon off; worker_processes auto; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log;"
  # Workers as the user running this script (the temp folder is private to it).
  [ "$(id -u)" = 0 ] && echo "user root;"
  [ -f "$brotli_module" ] && echo "load_module $brotli_module;"
  echo "events { worker_connections 1024; }"
  echo "http {"
  echo "  include /etc/nginx/mime.types; default_type application/octet-stream;"
  echo "  access_log $work/nginx/access.log; sendfile on; tcp_nopush on; keepalive_requests 100000;"
  echo "  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi;"
  echo "  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;"
  echo "  server {"
  echo "    listen 127.0.0.1:$nginx_port; root $work/export;"
  [ -f "$brotli_module" ] && echo "    brotli_static on;"
  echo "    include $repo/deploy/nginx/static-site.conf;"
  echo "  }"
  echo "}"
} >"$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
started+=("$!")
nginx_base="http://127.0.0.1:$nginx_port"

floor_port=$(free_port)
ASPNETCORE_ENVIRONMENT=Production dotnet "$work/floor/Floor.dll" --root "$work/export" --urls "http://127.0.0.1:$floor_port" \
  >"$work/floor.log" 2>&1 &
started+=("$!")
floor_base="http://127.0.0.1:$floor_port"
for target in "$nginx_base" "$floor_base"; do
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$target/" && break; sleep 0.25; done
  curl -fs -o /dev/null "$target/" || { echo "$target does not answer 200" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
done

if [ -f "$brotli_module" ]; then nginx_brotli="brotli_static (precompressed .br files)"; else nginx_brotli="none (no brotli module: br clients get gzip)"; fi
echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'): gzip_static on; brotli: $nginx_brotli"
echo "wrk -t2 -c$connections -d${duration}s, $rounds rounds A/B/C alternating; ProfileSite and nginx log every request"
for path in / /publications "$paper"; do
  printf '%-48s %s\n' "$path bytes (identity/gzip/br) app:" "$(for e in identity gzip br; do curl -s -H "Accept-Encoding: $e" "$base$path" | wc -c; done | paste -sd/)"
  printf '%-48s %s\n' "$path bytes (identity/gzip/br) nginx:" "$(for e in identity gzip br; do curl -s -H "Accept-Encoding: $e" "$nginx_base$path" | wc -c; done | paste -sd/)"
done
echo

measure() { # base path encoding -> req/s
  wrk -t2 -c"$connections" -d"${duration}s" -H "Accept-Encoding: $3" "$1$2" >"$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then echo "non-2xx answers from $1$2" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  awk '/Requests\/sec:/ { print $2 }' "$work/wrk.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-42s %-8s %10s %10s %10s %8s %8s\n' "path" "encoding" "app" "nginx" "floor" "app/ngx" "app/flr"
for encoding in "gzip, deflate, br, zstd" "gzip"; do
  for path in / /publications "$paper"; do
    : >"$work/app.rps"; : >"$work/nginx.rps"; : >"$work/floor.rps"
    for round in $(seq 1 "$rounds"); do
      # Alternate who goes first, so a busy moment of the machine does not favour one side.
      if [ $((round % 2)) -eq 1 ]; then order="app nginx floor"; else order="floor nginx app"; fi
      for who in $order; do
        case $who in
          app) measure "$base" "$path" "$encoding" >>"$work/app.rps" ;;
          nginx) measure "$nginx_base" "$path" "$encoding" >>"$work/nginx.rps" ;;
          floor) measure "$floor_base" "$path" "$encoding" >>"$work/floor.rps" ;;
        esac
      done
    done
    app=$(median <"$work/app.rps"); ngx=$(median <"$work/nginx.rps"); flr=$(median <"$work/floor.rps")
    label=$([ "$encoding" = "gzip" ] && echo gzip || echo br)
    printf '%-42s %-8s %10.0f %10.0f %10.0f %8.2f %8.2f\n' "$path" "$label" "$app" "$ngx" "$flr" \
      "$(echo "$app / $ngx" | bc -l)" "$(echo "$app / $flr" | bc -l)"
  done
done

echo
echo "app log lines: $(grep -c ' responded ' "$app_log" || true); nginx access log lines: $(wc -l <"$work/nginx/access.log")"
echo "app RSS after the runs: $(( $(rss_kib "$app_pid") / 1024 )) MiB"
