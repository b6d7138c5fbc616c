#!/usr/bin/env bash
# Server benchmark: wrk on loopback against `vitrine serve` on the bundled assets.
#   (a) a cached frame, next to nginx serving the same bytes as a static file (same run);
#   (b) cache-missing frames (every request a new yaw), against the bare render time;
#   (c) try-on posts (a shared photo + a garment);
#   the same uncached load with two worker layouts: 2 workers x 1 render thread, 1 x 2.
# Usage: Benchmarks/server/run.sh [seconds per run, default 5] [runs, default 3]
#   (VITRINE_BIN=<binary> to pick the binary, BASELINE_BIN=<binary> to measure (a) for a second one)
# Needs: a release build (swift build -c release), wrk, nginx. Prints medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-5}
RUNS=${2:-3}
BIN=${VITRINE_BIN:-$(swift build -c release --show-bin-path)/vitrine}
ASSET=${ASSET:-sneaker}
SIDE=${SIDE:-512}
PORT=${PORT:-18480}
NGINX_PORT=$((PORT + 1))
# shellcheck source=Benchmarks/server/nginx-static.sh
. Benchmarks/server/nginx-static.sh
WORK=$(mktemp -d /tmp/vitrine-bench-server.XXXXXX)
SERVER_PID=""
NGINX_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

start_server() {  # workers threads
    : >"$WORK/serve.log"
    "$BIN" serve --assets assets --port "$PORT" --workers "$1" --render-threads "$2" --queue-limit 256 \
        --log-level error >"$WORK/serve.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
        grep -q '^viewer: ' "$WORK/serve.log" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "server did not become ready"; cat "$WORK/serve.log"; exit 1
}
stop_server() {
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}
peak_rss_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# wrk [args...] -> "requests/s p50_ms p99_ms"
measure() {
    wrk --latency "$@" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
p = dict((k, ms(v, u)) for k, v, u in re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s)", text))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(rps, "%.3f" % p["50"], "%.3f" % p["99"], errors.group(1) if errors else 0)'
}
median_of() {  # label, then a command printing "rps p50 p99 errors"; runs it RUNS times
    local label=$1; shift
    for _ in $(seq 1 "$RUNS"); do "$@"; done | python3 -c '
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
col = lambda i: statistics.median(r[i] for r in rows)
print("%-44s %9.0f req/s   p50 %8.2f ms   p99 %8.2f ms   non-2xx %d   (median of %d)" % (
    sys.argv[1], col(0), col(1), col(2), sum(r[3] for r in rows), len(rows)))' "$label"
}

BASE="http://127.0.0.1:$PORT"
echo "vitrine serve: $BIN; asset $ASSET, ${SIDE}x${SIDE} PNG; $RUNS runs of ${SECONDS_PER_RUN}s; $(nproc) cores"

# Bare render time of the same kind of frame, warm, in one process: `vitrine turntable`
# renders 36 yaws of the same size and prints the median render (and encode) time.
for threads in 1 2; do
    "$BIN" turntable "assets/products/$ASSET.glb" --size "$SIDE" --frames 36 --threads "$threads" --timings \
        --out "$WORK/turntable-$threads" | sed "s/^/bare render, $threads thread(s), vitrine turntable: /"
done

# --- (a) cached frame vs nginx --------------------------------------------------------------
# BASELINE_BIN=<another vitrine binary> measures it too, in the same run (before/after figures).
if [ -n "${BASELINE_BIN:-}" ]; then
    MAIN_BIN=$BIN
    BIN=$BASELINE_BIN
    start_server 2 1
    HASH=$(curl -s "$BASE/v1/assets/$ASSET" | python3 -c 'import json,sys; print(json.load(sys.stdin)["contentHash"])')
    for connections in 1 16; do
        median_of "(a) cached frame, baseline, c=$connections" \
            measure -t1 -c"$connections" -d"${SECONDS_PER_RUN}s" "$BASE/v1/assets/$ASSET/frame?w=$SIDE&h=$SIDE&yaw=35&v=$HASH"
    done
    stop_server
    BIN=$MAIN_BIN
fi
start_server 2 1
HASH=$(curl -s "$BASE/v1/assets/$ASSET" | python3 -c 'import json,sys; print(json.load(sys.stdin)["contentHash"])')
CACHED="/v1/assets/$ASSET/frame?w=$SIDE&h=$SIDE&yaw=35&v=$HASH"
mkdir -p "$WORK/www"
chmod 755 "$WORK"  # nginx's workers run as another user
curl -s -o "$WORK/www/frame.png" "$BASE$CACHED"
chmod -R a+rX "$WORK/www"
echo "cached frame: $(stat -c %s "$WORK/www/frame.png") bytes"
write_nginx_static_conf "$WORK" "$NGINX_PORT"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
sleep 0.5
for connections in 1 16; do
    median_of "(a) cached frame, vitrine, c=$connections" \
        measure -t1 -c"$connections" -d"${SECONDS_PER_RUN}s" "$BASE$CACHED"
    median_of "(a) same bytes, nginx static, c=$connections" \
        measure -t1 -c"$connections" -d"${SECONDS_PER_RUN}s" "http://127.0.0.1:$NGINX_PORT/frame.png"
done
echo "peak RSS of vitrine serve after (a): $(peak_rss_mib "$SERVER_PID") MiB"
kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""
stop_server

# --- (b) cache-missing frames, two worker layouts --------------------------------------------
# Every request asks for a new yaw (hundredths of a degree), so nothing is ever cached.
RUN=0
uncached() {  # connections
    RUN=$((RUN + 1))
    cat >"$WORK/uncached.lua" <<LUA
counter = $((RUN * 100000 + RANDOM))
request = function()
  counter = counter + 1
  return wrk.format("GET", string.format("/v1/assets/$ASSET/frame?w=$SIDE&h=$SIDE&yaw=%.2f", (counter % 36000) / 100))
end
LUA
    measure -t1 -c"$1" -d"${SECONDS_PER_RUN}s" -s "$WORK/uncached.lua" "$BASE"
}
for layout in "2 1" "1 2"; do
    set -- $layout
    start_server "$1" "$2"
    for connections in 1 4; do
        median_of "(b) uncached, $1 worker(s) x $2 thread(s), c=$connections" uncached "$connections"
    done
    echo "peak RSS of vitrine serve after (b) $1x$2: $(peak_rss_mib "$SERVER_PID") MiB"
    stop_server
done

# --- (c) try-on: POST /v1/tryon, astronaut photo (512x512 PNG) + a striped T-shirt, JPEG out ---
PHOTOS=${VITRINE_SHARED:-../shared}/photos
[ -d "$PHOTOS" ] || PHOTOS=../../shared/photos
if [ -f "$PHOTOS/astronaut.png" ]; then
    python3 - "$PHOTOS" "$WORK/tryon.body" <<'PY'
import sys
photos, out = sys.argv[1], sys.argv[2]
def part(name, data, filename=None):
    head = f'--vitrinebench\r\nContent-Disposition: form-data; name="{name}"'
    if filename: head += f'; filename="{filename}"\r\nContent-Type: application/octet-stream'
    return head.encode() + b"\r\n\r\n" + data + b"\r\n"
body = (part("photo", open(f"{photos}/astronaut.png", "rb").read(), "astronaut.png")
        + part("keypoints", open(f"{photos}/astronaut.keypoints.json", "rb").read(), "k.json")
        + part("garment", b"tshirt-stripes") + b"--vitrinebench--\r\n")
open(out, "wb").write(body)
PY
    cat >"$WORK/tryon.lua" <<LUA
local f = io.open("$WORK/tryon.body", "rb")
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=vitrinebench"
LUA
    start_server 2 1
    for connections in 1 4; do
        median_of "(c) try-on, 2 workers, c=$connections" \
            measure -t1 -c"$connections" -d"${SECONDS_PER_RUN}s" -s "$WORK/tryon.lua" "$BASE/v1/tryon"
    done
    echo "peak RSS of vitrine serve after (c): $(peak_rss_mib "$SERVER_PID") MiB"
    stop_server
else
    echo "(c) try-on skipped: no shared/photos/astronaut.png"
fi
