#!/usr/bin/env bash
# Container test: builds the repository's Dockerfile with podman and runs the image as an operator
# would (read-only root filesystem, /tmp as tmpfs, the image's non-root user, content mounted over
# the baked-in example), then checks the HEALTHCHECK, the pages, JSON logs and a graceful stop.
# Removes every container and image it made. Prints "N passed, N failed"; exits 1 if any failed,
# including when podman or the .NET base images are missing (so CI cannot pass without running it).
#
# Needs: podman and local images mcr.microsoft.com/dotnet/{sdk,runtime-deps}:10.0 (on a machine without
# a registry: sudo ../shared/tools/container-base-images.sh), curl, network for `dotnet restore`.
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0
failed=0
pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

tag="$$-$RANDOM"
image="localhost/profilesite-test:$tag"
served="profilesite-test-served-$tag"
baked="profilesite-test-baked-$tag"
work=$(mktemp -d)
cleanup() {
  podman rm -f -t 0 "$served" "$baked" >/dev/null 2>&1
  podman rmi -f "$image" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
# Without systemd, podman logs a harmless error for each container with a HEALTHCHECK; hide only that.
exec 2> >(grep -v 'unable to get systemd connection' >&2)

# --- prerequisites: missing ones are failures, not skips ---------------------------------------
if ! command -v podman >/dev/null; then
  fail "podman is installed (run ../shared/tools/container-base-images.sh as root)"
  finish
fi
for base in mcr.microsoft.com/dotnet/sdk:10.0 mcr.microsoft.com/dotnet/runtime-deps:10.0; do
  if ! podman image exists "$base"; then
    fail "base image $base exists locally (run ../shared/tools/container-base-images.sh as root)"
    finish
  fi
done

# --- build ---------------------------------------------------------------------------------------
start=$SECONDS
if podman build --pull=never --network=host --format docker -t "$image" . >"$work/build.log" 2>&1; then
  pass "image builds from the Dockerfile ($((SECONDS - start)) s)"
else
  tail -40 "$work/build.log"
  fail "image builds from the Dockerfile"
  finish
fi

size=$(podman image inspect --format '{{.Size}}' "$image")
echo "image size: $((size / 1000000)) MB"
check "image runs as the non-root \$APP_UID (1654)" test "$(podman image inspect --format '{{.Config.User}}' "$image")" = 1654
check "image declares a HEALTHCHECK using the app" grep -q healthcheck <<<"$(podman image inspect --format '{{json .Config.Healthcheck}}' "$image")"
check "image has no SDK, no sources, no tests" \
  podman run --rm --network=none --entrypoint bash "$image" -c \
  'test ! -e /usr/share/dotnet/sdk && ! find /app -name "*.cs" -o -name "*.csproj" | grep -q . && ! ls /app | grep -qi test'
check "image carries content/ and wwwroot/ beside the binary" \
  podman run --rm --network=none --entrypoint bash "$image" -c 'test -f /app/content/profile.yaml && test -f /app/wwwroot/css/site.css'

# --- a site of our own, mounted over the baked-in example ---------------------------------------
cp -r content wwwroot "$work/"
sed -i 's/^name: .*/name: Container Test Owner/' "$work/content/profile.yaml"
# A phone photo as avatar (GPS in its EXIF), from the photo fixtures beside the clone (or above a worktree).
photo=""
for dir in .. ../.. ../../..; do
  [ -f "$dir/shared/fixtures/photos/avatar.jpg" ] && { photo="$dir/shared/fixtures/photos/avatar.jpg"; break; }
done
if [ -n "$photo" ]; then
  cp "$photo" "$work/wwwroot/images/photo.jpg"
  sed -i 's|^avatar: .*|avatar: images/photo.jpg|' "$work/content/profile.yaml"
fi
head -c 24000000 /dev/urandom >"$work/wwwroot/big.zip" # large enough to be slow at --limit-rate
chmod -R a+rX "$work"

# The host's network, not a bridge: a container's own network namespace is torn down when the app
# exits, dropping bytes still in its socket buffers, which would hide whether the app itself
# finished the request. (Behind Caddy the proxy drains those buffers at once.)
port=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((18080 + RANDOM % 20000)); done
podman run -d --name "$served" --read-only --tmpfs /tmp --network=host \
  -e ASPNETCORE_URLS="http://127.0.0.1:$port" \
  -v "$work/content:/app/content:ro" -v "$work/wwwroot:/app/wwwroot:ro" "$image" >/dev/null
url="http://127.0.0.1:$port"

healthy=0
for _ in $(seq 1 60); do
  if podman healthcheck run "$served" >/dev/null 2>&1; then healthy=1; break; fi
  sleep 1
done
check "HEALTHCHECK command passes (read-only, tmpfs /tmp)" test "$healthy" = 1
check "runs as uid 1654 inside" test "$(podman exec "$served" id -u)" = 1654

page=$(curl -fsS "$url/")
check "GET / answers the page" grep -Eq '<h1 class="profile-name"[^>]*>' <<<"$page"
check "the mounted content is what is served, not the baked-in example" \
  grep -Eq '<h1 class="profile-name"[^>]*>Container Test Owner</h1>' <<<"$page"
check "GET /css/site.css from the mounted web root" curl -fsS -o /dev/null "$url/css/site.css"

# --- image variants: libvips in the image, made on a read-only disk (kept in memory) --------------
if [ -n "$photo" ]; then
  avif=$(grep -o '<source type="image/avif" srcset="[^"]*' <<<"$page" | head -1 | sed 's/.*srcset="//; s/,.*//; s/ .*//')
  check "the avatar is a <picture> with an AVIF source ($avif)" test -n "$avif"
  status=""
  for _ in $(seq 1 90); do
    status=$(curl -s -o "$work/avatar.avif" -D "$work/avatar.headers" -w '%{http_code} %{content_type}' "$url$avif")
    [ "$status" = "200 image/avif" ] && break
    sleep 1
  done
  check "the photo's AVIF variant is made and served ($status)" test "$status" = "200 image/avif"
  check "the variant is cached for a year, immutable" grep -qi '^cache-control: public, max-age=31536000, immutable' "$work/avatar.headers"
  if command -v exiftool >/dev/null; then
    check "the variant carries no GPS (the original does)" \
      bash -c '! exiftool -s -GPSLatitude "$1" | grep -q . && exiftool -s -GPSLatitude "$2" | grep -q .' _ "$work/avatar.avif" "$photo"
  fi
  check "on the read-only disk, one log line says variants are kept in memory" \
    bash -c 'test "$(podman logs "$1" 2>/dev/null | grep -c "kept in memory")" = 1' _ "$served"
else
  echo "SKIP: photo variant check (shared/fixtures/photos not found beside the clone)"
fi
check "logs are JSON lines on stdout, requests included" \
  bash -c 'podman logs "$1" 2>/dev/null | grep "\"RequestPath\":\"/\"" | grep -q "^{\"@t\""' _ "$served"

# --- graceful stop: SIGTERM while a slow download is in flight -----------------------------------
curl -sS --limit-rate 3M -o "$work/big.out" "$url/big.zip" &
download=$!
sleep 2
before=$(stat -c %s "$work/big.out" 2>/dev/null || echo 0)
podman kill --signal TERM "$served" >/dev/null
wait "$download"
curl_status=$?
check "the download was in flight when SIGTERM came ($before of 24000000 bytes)" test "$before" -lt 24000000
check "the in-flight request completed after SIGTERM" test "$curl_status" = 0
check "every byte arrived" cmp -s "$work/big.out" "$work/wwwroot/big.zip"
exit_code=$(timeout 60 podman wait "$served")
check "the app exited 0 after finishing the request" test "$exit_code" = 0

# --- the baked-in example, settings from the environment ----------------------------------------
podman run -d --name "$baked" --read-only --tmpfs /tmp -p 127.0.0.1::8080 -e ProfileSite__BasePath=/homepage "$image" >/dev/null
url="http://$(podman port "$baked" 8080 | head -1)"
page=""
for _ in $(seq 1 60); do
  page=$(curl -fsS "$url/homepage/" 2>/dev/null) && break
  sleep 1
done
check "without mounts the baked-in example is served" grep -Eq '<h1 class="profile-name"[^>]*>Zhongwang Zhang</h1>' <<<"$page"
check "ProfileSite__BasePath from the environment prefixes links" grep -qE 'href="/homepage/css/site\.[0-9a-f]{16}\.css"' <<<"$page"

finish
