#!/usr/bin/env bash
# Peak RSS (VmHWM) of the server from start until /healthz says every variant is made, for a site whose
# About text shows one image: SITE is a folder with content/ and wwwroot/ (images/big.jpg) under /tmp/photos-new/m/.
# usage: bench/image-peak-memory.sh SITE -> prints peak VmHWM (kB) of the server until every variant is made, and seconds
cd /work/wt/break-photos
S=/tmp/photos-new/m/$1; PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
rm -rf /tmp/photos-new/m/cache-$1
ProfileSite__ContentPath=$S/content ProfileSite__WebRootPath=$S/wwwroot ProfileSite__Images__CachePath=/tmp/photos-new/m/cache-$1 nice -n 10 dotnet run --no-build --project src/ProfileSite -- --urls http://127.0.0.1:$PORT > /tmp/photos-new/m/$1.log 2>&1 &
P=$!; sleep 3; C=$(pgrep -P $P); start=$(date +%s)
for i in $(seq 1 600); do h=$(curl -s http://127.0.0.1:$PORT/healthz | grep -o '"done":true'); [ -n "$h" ] && break; sleep 0.5; done
echo "$1 VmHWM=$(awk '/VmHWM/{print $2}' /proc/$C/status) kB after $(( $(date +%s) - start )) s; $(grep -o 'Made [0-9]* image variants in [0-9.]* s' /tmp/photos-new/m/$1.log)"
kill $C $P 2>/dev/null; sleep 1
