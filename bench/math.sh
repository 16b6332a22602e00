#!/usr/bin/env bash
# Temml (embedded in the site) against KaTeX 0.19.1, both run through Jint: see bench/math.cs.
#   bench/math.sh [rounds=5]
# KaTeX is taken from the npm registry into a temp folder (its integrity checked), never kept.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
integrity=$(npm view katex@0.19.1 dist.integrity)
curl -fsS -o "$work/katex.tgz" https://registry.npmjs.org/katex/-/katex-0.19.1.tgz
[ "sha512-$(openssl dgst -sha512 -binary "$work/katex.tgz" | base64 -w0)" = "$integrity" ] || { echo "katex: integrity mismatch" >&2; exit 1; }
tar -xzf "$work/katex.tgz" -C "$work" package/dist/katex.min.js
echo "script sizes: temml.min.js $(wc -c < "$repo/src/ProfileSite.Content/obj/temml/0.13.5/temml.min.js") bytes, katex.min.js $(wc -c < "$work/package/dist/katex.min.js") bytes"
cd "$repo"
dotnet run -c Release bench/math.cs -- "${1:-5}" "$work/package/dist/katex.min.js"
