#!/usr/bin/env bash
# What a second language costs the publish stage: the shipped example as shipped (English only)
# against the same content with `languages: [en, zh-CN]` and a Chinese translation of part of it
# (the files the bilingual browser test writes), alternating, $RUNS (5) starts each. Each start is
# a fresh Release process on a free 127.0.0.1 port; the figure is the app's own log line
# "Published N pages and documents ... in X ms" (every page, theme, feed and document built once).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

runs=${RUNS:-5}
publish_app
cp -r "$work/content" "$work/english"
cp -r "$work/content" "$work/bilingual"
b="$work/bilingual"
sed -i 's/^language: en$/languages: [en, zh-CN]/' "$b/site.yaml"
grep -q '^languages:' "$b/site.yaml" || echo 'languages: [en, zh-CN]' >>"$b/site.yaml"
printf 'title: 张中旺的个人主页\n' >"$b/site.zh-CN.yaml"
printf 'name: 张中旺\nbio: 深度学习理论方向的博士研究生\nlocation: 中国上海\nemployer: 上海交通大学\n' >"$b/profile.zh-CN.yaml"
printf -- '---\ntitle: 关于我\n---\n我是上海交通大学数学科学学院的博士研究生。\n' >"$b/about.zh-CN.md"
printf -- '- date: 2024.09\n  text: "荣获 2024 年国家奖学金！"\n' >"$b/news.zh-CN.yaml"

published_ms() { grep -ho 'Published [0-9]* pages and documents of [^ ]* in [0-9]* ms' "$1" | tail -1; }

for variant in english bilingual; do : >"$work/$variant.times"; done
for i in $(seq 1 "$runs"); do
  for variant in english bilingual; do
    rm -rf "$work/content" && cp -r "$work/$variant" "$work/content"
    start_app
    for _ in $(seq 1 240); do
      line=$(published_ms "$app_log" || true)
      [ -n "$line" ] && break
      sleep 0.25
    done
    stop_app
    echo "$variant run $i: $line"
    echo "$line" | awk '{ print $(NF-1) }' >>"$work/$variant.times"
  done
done

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
e=$(median "$work/english.times"); m=$(median "$work/bilingual.times")
echo "median publish: english ${e} ms, bilingual ${m} ms, ratio $(awk -v a="$m" -v b="$e" 'BEGIN { printf "%.2f", a / b }')"
