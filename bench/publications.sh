#!/usr/bin/env bash
# Publications benchmark: the shipped content plus N generated BibTeX entries (default 2000),
# served by the built app on 127.0.0.1; reports the content load time and the latency of
# /publications (whole and filtered), a detail page and /publications.bib over R sequential
# requests each (default 200). Bounded and local only. Usage: bench/publications.sh [N] [R]
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-2000}
requests=${2:-200}
dll=src/ProfileSite/bin/Release/net10.0/ProfileSite.dll
[ -f "$dll" ] || dotnet build src/ProfileSite -c Release -v q >/dev/null

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r content "$work/content"
python3 - "$entries" > "$work/content/publications/generated.bib" <<'PY'
import sys
n = int(sys.argv[1])
print('@string{jmlr = "Journal of Machine Learning Research"}')
for i in range(n):
    year = 2000 + i % 25
    kind = ("article", "inproceedings", "misc")[i % 3]
    venue = "journal = jmlr" if kind == "article" else "booktitle = {Proceedings of {NeurIPS} " + str(year) + "}"
    print(f"@{kind}{{gen{i},\n  author = {{M{{\\\"u}}ller, J{{\\\"o}}rg and Author{i % 40}, Some and others}},\n"
          f"  title = {{Paper {i} on {{Deep}} Learning \\& Friends}},\n  {venue},\n  year = {year},\n  month = jan,\n"
          f"  keywords = {{topic{i % 12}, shared}},\n  doi = {{10.5555/{i}}},\n}}\n")
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start=$(date +%s.%N)
dotnet "$dll" --urls="http://127.0.0.1:$port" --ProfileSite:ContentPath="$work/content" --ProfileSite:WebRootPath="$PWD/wwwroot" \
  --Serilog:MinimumLevel:Default=Warning >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
ready=$(date +%s.%N)
echo "$(curl -fs "http://127.0.0.1:$port/publications" | grep -o "<p class=\"pub-count\">[^<]*" | sed "s/.*>//") served; process start to first /healthz answer: $(python3 -c "print(f'{$ready - $start:.2f}')") s"

measure() {
  local path=$1
  for _ in $(seq 1 "$requests"); do
    curl -fs -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port$path"
  done | sort -n | awk -v p="$path" -v size="$(curl -fs "http://127.0.0.1:$port$path" | wc -c)" '
    { t[NR] = $1 } END { printf "%-48s %8d bytes  median %6.1f ms  p95 %6.1f ms\n", p, size, t[int(NR/2)] * 1000, t[int(NR*0.95)] * 1000 }'
}
measure "/publications"
measure "/publications?tag=topic3&year=2010"
if [ "$entries" -gt 0 ]; then measure "/publications/gen42"; fi
measure "/publications/2024-tpami-implicit-regularization-of-dropout"
measure "/publications.bib"
