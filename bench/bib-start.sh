#!/usr/bin/env bash
# How long the site takes to start (process start to the first 200 from /healthz) with a whole
# library exported as one .bib file, against the repository's content alone, in the same run.
# The library is generated (realistic Zotero-style entries: 1-8 authors with accents, a
# 120-word abstract, DOI; every fifth title with a formula when MATH=1), N entries.
#
#   bench/bib-start.sh [entries=10000] [rounds=3]        # MATH=1 for formulas in titles
set -euo pipefail
source "$(dirname "$0")/lib.sh"
entries=${1:-10000}
rounds=${2:-3}

publish_app
python3 - "$entries" "${MATH:-0}" "$work/library.bib" <<'PY'
import random, sys
random.seed(1)
n, math, out = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3]
words = "graph flow cut spectral sparse dense learning neural quantum field theory model data network".split()
names = ['M{\\"u}ller', 'Smith', 'Garc{\\\'\\i}a', 'van der Berg', 'Nguyen', '{\\c C}elik']
syms = ['\\alpha', '\\ell', 'x', '\\sqrt{s}', '\\mu']
with open(out, "w") as f:
    for i in range(n):
        title = " ".join(random.choice(words) for _ in range(8)).title()
        if math and i % 5 == 0:
            title += " with $" + random.choice(syms) + "_{" + str(i % 997) + "}$"
        authors = " and ".join(random.choice(names) + ", " + random.choice(["Anna", "J.", "Li", "Peter"]) for _ in range(random.randint(1, 8)))
        abstract = " ".join(random.choice(words) for _ in range(120))
        f.write("@article{key%d,\n  author = {%s},\n  title = {%s},\n  journal = {Journal of %s},\n  year = {%d},\n"
                "  volume = {%d},\n  pages = {%d--%d},\n  doi = {10.1000/x%d},\n  abstract = {%s}\n}\n\n"
                % (i, authors, title, random.choice(words).title(), random.randint(1990, 2025), i % 50, i, i + 10, i, abstract))
PY
echo "library: $entries entries, $(du -h "$work/library.bib" | cut -f1)"

# start_ms: milliseconds from launching the app to its first /healthz answer.
start_ms() {
  local t0 t1
  t0=$(date +%s%N)
  start_app --ProfileSite:Security:RequestsPerSecond=0
  t1=$(date +%s%N)
  stop_app
  echo $(((t1 - t0) / 1000000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

base_times=()
library_times=()
for _ in $(seq 1 "$rounds"); do
  rm -f "$work/content/publications/library.bib"
  base_times+=("$(start_ms)")
  cp "$work/library.bib" "$work/content/publications/library.bib"
  library_times+=("$(start_ms)")
done
b=$(printf '%s\n' "${base_times[@]}" | median)
l=$(printf '%s\n' "${library_times[@]}" | median)
echo "start, repository content: ${base_times[*]} ms (median $b)"
echo "start, + library.bib:      ${library_times[*]} ms (median $l)"
awk -v b="$b" -v l="$l" 'BEGIN { printf "ratio: %.1fx\n", l / b }'
