#!/usr/bin/env bash
# photo-site.sh DIR: writes the photo fixture site into DIR (DIR/content, DIR/wwwroot): the shipped example
# with ../shared/fixtures/photos/avatar.jpg as avatar and figure1..5.png as the five paper images, the site
# issue #14 measured (About page 1.34 MB, Lighthouse mobile 0.46 before the image pipeline).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# ../shared beside the clone (as CI lays it), else the nearest shared/ above it (a worktree).
photos=${PHOTOS:-}
if [ -z "$photos" ]; then
  dir=$repo
  while [ "$dir" != / ]; do
    dir=$(dirname "$dir")
    [ -d "$dir/shared/fixtures/photos" ] && { photos=$dir/shared/fixtures/photos; break; }
  done
fi
out=${1:?usage: photo-site.sh DIR}
[ -f "${photos:-}/avatar.jpg" ] || { echo "photo fixtures (shared/fixtures/photos) not found above $repo; set PHOTOS=DIR" >&2; exit 1; }
mkdir -p "$out"
cp -r "$repo/content" "$repo/wwwroot" "$out/"
cp "$photos/avatar.jpg" "$out/wwwroot/images/avatar.jpg"
sed -i 's|^avatar: images/avatar.svg|avatar: images/avatar.jpg|' "$out/content/profile.yaml"
for i in 1 2 3 4 5; do
  cp "$photos/figure$i.png" "$out/wwwroot/images/figure$i.png"
  sed -i "s|^image: images/pic$i.svg|image: images/figure$i.png|" "$out/content/publications/"*.md
done
