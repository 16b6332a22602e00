#!/usr/bin/env bash
# lighthouse.sh: Lighthouse 12.2.3 (npm, installed once into the gitignored bench/.lighthouse) on Debian's
# chromium, mobile (Lighthouse's default: Moto G Power emulation, simulated slow 4G), on the About page of
#   - example: the shipped example (SVG drawings), the same-run calibration of this machine, and
#   - photos:  the photo fixture site (bench/photo-site.sh: a 2400x2400 phone photo as avatar, five 1200x800
#              PNG figures as paper images), the case issue #14 measured at 0.46.
# Both are the published Release app on 127.0.0.1 with their image variants made before measuring.
# Prints each run and the median of RUNS (default 3): performance score, LCP, total bytes, CLS.
#   bench/lighthouse.sh [runs=3] [path=/]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-3}
path=${2:-/}
lh_dir="$repo/bench/.lighthouse"
if [ ! -x "$lh_dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$lh_dir"
  (cd "$lh_dir" && npm i -E --no-audit --no-fund lighthouse@12.2.3 >/dev/null)
fi
lighthouse="$lh_dir/node_modules/.bin/lighthouse"

publish_app
"$repo/bench/photo-site.sh" "$work/photos" >/dev/null
mkdir -p "$work/example" && cp -r "$repo/content" "$repo/wwwroot" "$work/example/"

serve() { # serve NAME: starts the app on $work/NAME, waits until its variants are made; sets url_NAME
  local name=$1 port url
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$work/app" "$work/app/ProfileSite" --urls="$url" \
    --ProfileSite:ContentPath="$work/$name/content" --ProfileSite:WebRootPath="$work/$name/wwwroot" \
    --ProfileSite:Images:CachePath="$work/$name-cache" --ProfileSite:Security:RequestsPerSecond=0 >"$work/$name.log" 2>&1 &
  started+=("$!")
  for _ in $(seq 1 600); do
    if curl -fs "$url/healthz" 2>/dev/null | python3 -c "import json,sys; i=json.load(sys.stdin)['images']; sys.exit(0 if i['ready']+i['failed']>=i['planned'] else 1)" 2>/dev/null; then
      printf -v "url_$name" '%s' "$url"
      return 0
    fi
    sleep 0.5
  done
  echo "$name: the variants were not made within 5 minutes" >&2
  exit 1
}
serve example
serve photos

measure() { # measure NAME URL RUN
  local out="$work/$1-$3.json"
  CHROME_PATH=/usr/bin/chromium "$lighthouse" "$2$path" --quiet --only-categories=performance --output=json --output-path="$out" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" >/dev/null 2>&1
  python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a = r["audits"]
print(r["categories"]["performance"]["score"], a["largest-contentful-paint"]["numericValue"], a["total-byte-weight"]["numericValue"], a["cumulative-layout-shift"]["numericValue"], a["uses-long-cache-ttl"]["score"])
PY
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$lighthouse" --version 2>/dev/null | head -1 || echo lighthouse) on $(/usr/bin/chromium --version 2>/dev/null); page $path"
printf '%-8s %-4s %6s %9s %10s %7s %s\n' site run score "LCP ms" "KB" CLS "long-cache-ttl"
for name in example photos; do
  url_var="url_$name"
  : >"$work/$name.results"
  for i in $(seq 1 "$runs"); do
    if ! read -r score lcp bytes cls ttl < <(measure "$name" "${!url_var}" "$i" 2>"$work/$name-$i.err"); then
      echo "$name run $i: Lighthouse gave no result ($(tail -1 "$work/$name-$i.err" 2>/dev/null)); not counted" >&2
      continue
    fi
    echo "$score $lcp $bytes $cls" >>"$work/$name.results"
    printf '%-8s %-4s %6.2f %9.0f %10.1f %7.3f %s\n' "$name" "$i" "$score" "$lcp" "$(python3 -c "print($bytes / 1024)")" "$cls" "$ttl"
  done
  python3 - "$name" "$work/$name.results" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[2])]
m = [statistics.median(c) for c in zip(*rows)]
print(f"{sys.argv[1]:<8} {'med':<4} {m[0]:6.2f} {m[1]:9.0f} {m[2] / 1024:10.1f} {m[3]:7.3f}")
PY
done
