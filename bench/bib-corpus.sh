#!/usr/bin/env bash
# Our reading of real .bib files against pybtex 0.24 (with pylatexenc), field by field, per file.
# For each file: the app (Release) serves it alone on 127.0.0.1; bench/bib_corpus.py reads our
# /publications.json (CSL-JSON) and each paper's citation_* meta tags, parses the same file with
# pybtex, and counts the fields that agree and differ after normalisation (Unicode NFC, spaces,
# and the documented deliberate differences in bench/README.md). Details go to bench/results/.
#
#   bench/bib-corpus.sh [folder-with-.bib-files]     # default: ../shared/fixtures/bibtex
#
# Needs Debian's python3 with python3-pybtex and python3-pylatexenc (/usr/bin/python3), and curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# The shared fixtures beside the repository (CI), or in a folder above it (a worktree).
folder=${1:-}
if [ -z "$folder" ]; then
  dir=$repo
  while [ "$dir" != / ] && [ ! -d "$dir/shared/fixtures/bibtex" ]; do dir=$(dirname "$dir"); done
  folder="$dir/shared/fixtures/bibtex"
fi
[ -d "$folder" ] || { echo "no folder $folder" >&2; exit 2; }
/usr/bin/python3 -c 'import pybtex, pylatexenc' || { echo "needs python3-pybtex and python3-pylatexenc" >&2; exit 2; }
results="$repo/bench/results/bib-corpus"
mkdir -p "$results"

publish_app
echo "| file | entries (pybtex / ours) | fields compared | agree | differ | agreement |"
echo "| --- | --- | --- | --- | --- | --- |"
for bib in "$folder"/*.bib; do
  name=$(basename "$bib")
  rm -rf "$work/content/publications"
  mkdir -p "$work/content/publications"
  cp "$bib" "$work/content/publications/"
  start_app --ProfileSite:Security:RequestsPerSecond=0
  # pybtex's own warnings about the file go to the details, not the table.
  /usr/bin/python3 "$repo/bench/bib_corpus.py" "$bib" "$base" "$results/${name%.bib}.txt" 2>"$results/${name%.bib}.pybtex-warnings.txt"
  stop_app
done
echo
echo "Differences per field and examples: $results/"
