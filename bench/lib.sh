# Shared by the bench scripts: a Release build of the app on a free 127.0.0.1 port, serving a
# temp copy of content/, and a cleanup that stops everything that was started.
# shellcheck shell=bash

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/profilesite-bench.XXXXXX")
started=()

cleanup() {
  for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "${KEEP_WORK:-}" ]; then
    echo "kept $work (KEEP_WORK)" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# publish_app: Release build into $work/app (once per script run), as the image has it: for linux-x64,
# self-contained, the app and the framework one composite ReadyToRun image (a few minutes the first
# time); run it as "$work/app/ProfileSite". PUBLISH_ARGS adds or overrides publish options.
# PUBLISHED=DIR uses an app published earlier instead (to compare builds without publishing each time).
publish_app() {
  if [ -n "${PUBLISHED:-}" ]; then
    cp -r "$PUBLISHED" "$work/app"
  else
    # shellcheck disable=SC2086
    dotnet publish "$repo/src/ProfileSite" -c Release -r linux-x64 --self-contained true \
      -o "$work/app" --nologo -v quiet ${PUBLISH_ARGS:-} >/dev/null
  fi
  cp -r "$repo/content" "$work/content"
}

# start_app [setting ...]: starts the app, waits for /healthz; sets $app_pid, $base and $app_log.
start_app() {
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  app_log="$work/app-$port.log"
  # The published folder is the content root, so its appsettings.json (log levels) applies.
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$work/app" "$work/app/ProfileSite" --urls="$base" \
    --ProfileSite:ContentPath="$work/content" --ProfileSite:WebRootPath="$repo/wwwroot" "$@" >"$app_log" 2>&1 &
  app_pid=$!
  started+=("$app_pid")
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$base/healthz"; then
      return 0
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
      cat "$app_log" >&2
      echo "the app exited before it listened" >&2
      exit 1
    fi
    sleep 0.25
  done
  echo "the app did not answer /healthz within 60 s" >&2
  exit 1
}

# stop_app: SIGTERM (the graceful path) and wait for the exit.
stop_app() {
  kill -TERM "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
}

# rss_kib PID: resident set size in KiB.
rss_kib() {
  awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

# wrk_summary FILE: "requests non2xx p99" from wrk --latency output.
wrk_summary() {
  awk '
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { errors = $0 }
    /^ +99%/ { p99 = $2 }
    /Requests\/sec:/ { rps = $2 }
    END { printf "%s %s %s %s\n", requests, non2xx + 0, p99, rps }' "$1"
}
